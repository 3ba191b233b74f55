import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { Embedder } from '../ports/embedder';
import type { Progress } from '../ports/progress';
import type { ScoredSpan } from '../quality/curateSpans';
import { spanContentHash } from '../spans/spanContentHash';
import { balanceDomains } from './balanceDomains';
import type { DatasetConfig } from './datasetConfig';
import { DEFAULT_DATASET_CONFIG } from './datasetConfig';
import { buildIndices } from './datasetIndices';
import { computeStats } from './datasetStats';
import type { DatasetSpan, DiamondDataset, DropReport } from './datasetTypes';
import { datasetRef, isValidVersion } from './datasetVersion';
import { InvalidVersionError } from './datasetErrors';
import type { Candidate } from './dedupeSpans';
import { dedupeCandidates } from './dedupeSpans';
import { DropRecorder } from './dropReport';
import { embedMissing } from './embedMissing';
import { EmbeddingTable } from './embeddingTable';
import { datasetMerkleRoot } from './merkleRoot';
import { spanDomain } from './spanDomain';
import { compareByQuality, compareByTime } from './spanOrder';

export interface DatasetBuildDeps {
  clock: Clock;
  /** Embeds spans that arrive without a vector; its id and dimension label the dataset's vectors. */
  embedder: Embedder;
}

export interface DatasetBuildResult {
  dataset: DiamondDataset;
  report: DropReport;
}

const STEPS = 6;

/**
 * The dataset builder: keep the admitted classes, drop exact and near duplicates (keeping the better
 * span), cluster by domain, balance domains, embed what has no vector yet, then index, count and seal the
 * result with a Merkle root. Every dropped span is reported with its reason.
 */
export async function buildDiamondDataset(
  scored: readonly ScoredSpan[],
  deps: DatasetBuildDeps,
  config: DatasetConfig = DEFAULT_DATASET_CONFIG,
  token?: Cancellation,
  progress?: Progress,
): Promise<DatasetBuildResult> {
  if (!isValidVersion(config.version)) throw new InvalidVersionError(config.version);
  const drops = new DropRecorder();
  const step = async (done: number, message: string): Promise<void> => {
    await yieldToHost();
    throwIfCancelled(token, 'dataset build');
    progress?.report(done, STEPS, message);
  };
  await step(0, 'filtering by quality class');
  const candidates = admit(scored, config, drops).sort(compareByQuality);
  await step(1, 'removing duplicates');
  const unique = dedupeCandidates(candidates, config.nearDuplicate, drops, token);
  await step(2, 'balancing domains');
  const kept = balanceDomains(unique, config.maxSpansPerDomain, drops).sort(compareByTime);
  await step(3, 'embedding');
  const vectors = await embedMissing(kept, deps.embedder, config.embeddingBatchSize, token);
  await step(4, 'indexing');
  const table = EmbeddingTable.from(deps.embedder.id, deps.embedder.dimension, kept.map((c, i) => [c.span.id, vectors[i]]));
  const dataset = assembleDataset(kept.map(toDatasetSpan), table, config, new Date(deps.clock.now()).toISOString());
  await step(STEPS, 'done');
  return { dataset, report: drops.result() };
}

function admit(scored: readonly ScoredSpan[], config: DatasetConfig, drops: DropRecorder): Candidate[] {
  const classes = new Set(config.keepClasses);
  const admitted: Candidate[] = [];
  for (const item of scored) {
    if (!classes.has(item.metrics.class)) {
      drops.drop(item.span.id, 'class_not_kept', `class ${item.metrics.class} (total ${item.metrics.total_score})`);
      continue;
    }
    admitted.push({ ...item, hash: spanContentHash(item.span), domain: spanDomain(item.span) });
  }
  return admitted;
}

function toDatasetSpan(candidate: Candidate): DatasetSpan {
  return { span: candidate.span, hash: candidate.hash, metrics: candidate.metrics, domain: candidate.domain };
}

/** A dataset from spans already in order: stats, indices and Merkle root derived from them. */
export function assembleDataset(
  spans: DatasetSpan[],
  vectors: EmbeddingTable | undefined,
  config: DatasetConfig,
  createdAt: string,
  vectorMeta?: { embedder_id: string; dimension: number },
): DiamondDataset {
  const meta = vectors ? { embedder_id: vectors.embedderId, dimension: vectors.dimension } : vectorMeta;
  return {
    id: datasetRef(config.name, config.version),
    name: config.name,
    version: config.version,
    created_at: createdAt,
    spans,
    stats: computeStats(spans),
    indices: buildIndices(spans, { embedder_id: meta?.embedder_id ?? 'none', dimension: meta?.dimension ?? 0, ids: vectors?.ids() ?? [] }),
    merkle_root: datasetMerkleRoot(spans),
    frozen: false,
    config,
    vectors,
  };
}
