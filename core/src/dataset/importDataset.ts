import type { QualityMetrics } from '../quality/qualityMetrics';
import { spanContentHash } from '../spans/spanContentHash';
import { validateSpan } from '../spans/validateSpan';
import { canonicalJson } from '../util/canonicalJson';
import { assembleDataset } from './buildDiamondDataset';
import type { DatasetSpan, DiamondDataset } from './datasetTypes';
import { isValidVersion } from './datasetVersion';
import type { DatasetManifest } from './exportDataset';
import { DATASET_FORMAT, DATASET_SCHEMA_VERSION } from './exportDataset';
import { freezeDataset } from './freezeDataset';

export type DatasetImportResult = { ok: true; dataset: DiamondDataset } | { ok: false; reason: string };

class ImportRefused extends Error {}

/**
 * Rebuilds a dataset from an export and refuses anything that does not check out: the first line that is not
 * JSON, not a valid span, or whose span no longer matches its recorded hash; a span count, Merkle root or
 * stats that differ from the manifest. The result has no vectors until `embedDataset` runs.
 */
export function importDataset(spansJsonl: string, manifest: DatasetManifest): DatasetImportResult {
  try {
    checkManifest(manifest);
    const lines = spansJsonl.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const spans = lines.map((line, i) => parseLine(line, i + 1));
    if (spans.length !== manifest.span_count) {
      throw new ImportRefused(`the file has ${spans.length} spans, the manifest says ${manifest.span_count}`);
    }
    const config = { ...manifest.config, name: manifest.name, version: manifest.version };
    const dataset = assembleDataset(spans, undefined, config, manifest.created_at, manifest.vectors);
    if (dataset.merkle_root !== manifest.merkle_root) {
      throw new ImportRefused(`Merkle root mismatch: the manifest says ${manifest.merkle_root}, the spans give ${dataset.merkle_root}`);
    }
    if (canonicalJson(dataset.stats) !== canonicalJson(manifest.stats)) {
      throw new ImportRefused('stats mismatch: the spans (their metrics or domains) no longer give the stats in the manifest');
    }
    return { ok: true, dataset: manifest.frozen ? freezeDataset(dataset) : dataset };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, reason: error.message };
    throw error;
  }
}

function checkManifest(manifest: DatasetManifest): void {
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== DATASET_FORMAT) {
    throw new ImportRefused(`manifest: not an ${DATASET_FORMAT} manifest`);
  }
  if (manifest.schema_version !== DATASET_SCHEMA_VERSION) {
    throw new ImportRefused(`manifest: schema version ${manifest.schema_version} is not supported (expected ${DATASET_SCHEMA_VERSION})`);
  }
  if (typeof manifest.name !== 'string' || manifest.name === '' || !isValidVersion(String(manifest.version))) {
    throw new ImportRefused('manifest: name or version missing or invalid');
  }
}

function parseLine(line: string, lineNumber: number): DatasetSpan {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ImportRefused(`line ${lineNumber}: not valid JSON`);
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const checked = validateSpan(record.span);
  if (!checked.ok) {
    const first = checked.problems[0];
    throw new ImportRefused(`line ${lineNumber}: invalid span: ${first.field}: ${first.message}`);
  }
  const span = checked.span;
  if (typeof record.hash !== 'string' || spanContentHash(span) !== record.hash) {
    throw new ImportRefused(`line ${lineNumber}: span ${span.id} no longer matches its recorded hash (it was changed after export)`);
  }
  if (typeof record.domain !== 'string' || !isMetrics(record.metrics)) {
    throw new ImportRefused(`line ${lineNumber}: span ${span.id} lacks its domain or quality metrics`);
  }
  return { span, hash: record.hash, metrics: record.metrics, domain: record.domain };
}

function isMetrics(value: unknown): value is QualityMetrics {
  const metrics = value as QualityMetrics | undefined;
  return typeof metrics === 'object' && metrics !== null && typeof metrics.total_score === 'number' && typeof metrics.class === 'string';
}
