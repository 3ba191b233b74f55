import type { DatasetInfo, DatasetVersionInfo } from '@arenalab/protocol';
import { DatasetRepository } from '../datasets';
import type { DatasetListing } from '../datasets';

/**
 * Every dataset of a store with each version's stats, domains and quality histogram. Each version is loaded and
 * verified (span hashes and Merkle root); one that fails is still listed, from its manifest, with the problem.
 */
export function datasetOverview(storeDir: string): DatasetInfo[] {
  const repository = new DatasetRepository(storeDir);
  return repository.names().flatMap((name) => {
    try {
      return [{ name, versions: repository.versions(name).map((version) => versionInfo(repository, name, version)) }];
    } catch {
      return []; // a folder whose name is not a dataset name (the repository refuses it) is not a dataset
    }
  });
}

function versionInfo(repository: DatasetRepository, name: string, version: string): DatasetVersionInfo {
  try {
    const dataset = repository.load(name, version);
    const histogram = Object.entries(dataset.indices.by_quality)
      .map(([bucket, ids]) => ({ bucket, count: ids.length }))
      .sort((a, b) => Number(a.bucket) - Number(b.bucket));
    return {
      version, frozen: dataset.frozen, created_at: dataset.created_at, merkle_root: dataset.merkle_root,
      span_count: dataset.stats.total_spans, avg_quality: dataset.stats.avg_quality,
      domains: { ...dataset.stats.domains }, classes: { ...dataset.stats.classes },
      quality_histogram: histogram, date_range: dataset.stats.date_range,
    };
  } catch (error) {
    return brokenVersion(manifestListing(repository, name, version), version, error);
  }
}

function manifestListing(repository: DatasetRepository, name: string, version: string): DatasetListing | undefined {
  try {
    return repository.list().find((l) => l.name === name && l.version === version);
  } catch {
    return undefined;
  }
}

function brokenVersion(listing: DatasetListing | undefined, version: string, error: unknown): DatasetVersionInfo {
  return {
    version, frozen: listing?.frozen ?? false, created_at: listing?.created_at ?? '', merkle_root: listing?.merkle_root ?? '',
    span_count: listing?.span_count ?? 0, avg_quality: 0, domains: {}, classes: {}, quality_histogram: [], date_range: null,
    problem: error instanceof Error ? error.message : String(error),
  };
}
