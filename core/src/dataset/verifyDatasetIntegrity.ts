import { spanContentHash } from '../spans/spanContentHash';
import { canonicalJson } from '../util/canonicalJson';
import { buildIndices } from './datasetIndices';
import { computeStats } from './datasetStats';
import type { DatasetIndices, DiamondDataset } from './datasetTypes';
import { datasetRef } from './datasetVersion';
import { datasetMerkleRoot } from './merkleRoot';

export interface IntegrityResult {
  ok: boolean;
  problems: string[];
}

/**
 * Recomputes everything derivable and compares: each span's content hash, unique ids, every index, the
 * vector ids, the stats, the Merkle root and the `name@version` id. Lists every problem found.
 */
export function verifyDatasetIntegrity(dataset: DiamondDataset): IntegrityResult {
  const problems: string[] = [];
  const ids = new Set<string>();
  dataset.spans.forEach((entry, position) => {
    const id = entry.span.id;
    if (ids.has(id)) problems.push(`span ${id} (position ${position}): id appears more than once`);
    ids.add(id);
    const actual = spanContentHash(entry.span);
    if (actual !== entry.hash) problems.push(`span ${id} (position ${position}): content hash ${actual} does not match recorded ${entry.hash}`);
  });
  checkIndices(dataset, ids, problems);
  if (canonicalJson(computeStats(dataset.spans)) !== canonicalJson(dataset.stats)) problems.push('stats do not match the spans');
  const root = datasetMerkleRoot(dataset.spans);
  if (root !== dataset.merkle_root) problems.push(`Merkle root ${dataset.merkle_root} does not match the span hashes (${root})`);
  if (dataset.id !== datasetRef(dataset.name, dataset.version)) problems.push(`id ${dataset.id} is not ${datasetRef(dataset.name, dataset.version)}`);
  return { ok: problems.length === 0, problems };
}

function checkIndices(dataset: DiamondDataset, ids: Set<string>, problems: string[]): void {
  const vectorIds = dataset.vectors?.ids() ?? [];
  const expected = buildIndices(dataset.spans, { ...dataset.indices.vector, ids: vectorIds });
  const names: (keyof DatasetIndices)[] = ['by_action', 'by_domain', 'by_domain_group', 'by_quality', 'by_time', 'vector'];
  for (const name of names) {
    if (canonicalJson(expected[name]) !== canonicalJson(dataset.indices[name])) problems.push(`index ${name} does not match the spans`);
  }
  for (const id of vectorIds) if (!ids.has(id)) problems.push(`vector ${id} has no span`);
  if (dataset.vectors && dataset.vectors.dimension !== dataset.indices.vector.dimension) {
    problems.push(`vectors have ${dataset.vectors.dimension} dimensions, the index says ${dataset.indices.vector.dimension}`);
  }
}
