import * as path from 'node:path';
import { CancelledError } from '@arenalab/core';
import type { Cancellation, Clock, DiamondDataset, PhasedProgress } from '@arenalab/core';
import type { DatasetActionParams, DatasetActionResult } from '@arenalab/protocol';
import { buildStoreDataset, DatasetRepository, DatasetRepositoryError } from '../datasets';

export interface DatasetActionDeps {
  storeDir: string;
  clock: Clock;
  token: Cancellation;
  progress: PhasedProgress;
}

/** Bad input from the client, answered as a refusal rather than a failed request. */
export class DatasetActionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'DatasetActionError';
  }
}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new DatasetActionError('INVALID_PARAMS', `${field} is required`);
  return value.trim();
};

/**
 * The Datasets view's actions over the same repository and pipeline as `arenalab dataset build|freeze|export|import`;
 * every refusal (a tampered import, a frozen version, a bad name) comes back with its code and reason.
 */
export async function runDatasetAction(params: DatasetActionParams, deps: DatasetActionDeps): Promise<DatasetActionResult> {
  const action = String((params as { action?: unknown })?.action);
  try {
    const { dataset, message } = await perform(params, deps);
    return { ok: true, action: params.action, name: dataset.name, version: dataset.version, merkle_root: dataset.merkle_root, span_count: dataset.stats.total_spans, message };
  } catch (error) {
    if (error instanceof DatasetRepositoryError || error instanceof DatasetActionError) return { ok: false, action, code: error.code, reason: error.message };
    if (error instanceof CancelledError) throw error;
    // A file system failure (permissions, a full disk) is the user's to fix: say what it was.
    const code = typeof (error as NodeJS.ErrnoException)?.code === 'string' ? String((error as NodeJS.ErrnoException).code) : 'FAILED';
    return { ok: false, action, code, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function perform(params: DatasetActionParams, deps: DatasetActionDeps): Promise<{ dataset: DiamondDataset; message: string }> {
  const repository = new DatasetRepository(deps.storeDir);
  switch (params?.action) {
    case 'build': {
      const name = text(params.name, 'name');
      repository.versions(name); // refuses a bad name before the store is read and scored
      const maxSpansPerDomain = typeof params.maxPerDomain === 'number' && params.maxPerDomain > 0 ? Math.floor(params.maxPerDomain) : undefined;
      const { built } = await buildStoreDataset(deps.storeDir, { clock: deps.clock, indexKind: 'hnsw', dataset: { name, ...(maxSpansPerDomain ? { maxSpansPerDomain } : {}) } }, deps.token, deps.progress);
      return { dataset: built.dataset, message: `built ${built.dataset.id}: ${built.dataset.stats.total_spans} spans` };
    }
    case 'freeze': {
      const dataset = repository.freeze(text(params.name, 'name'), text(params.version, 'version'));
      return { dataset, message: `froze ${dataset.id} (merkle root ${dataset.merkle_root.slice(0, 16)}…)` };
    }
    case 'export': {
      const name = text(params.name, 'name');
      const version = text(params.version, 'version');
      const folder = path.resolve(text(params.folder, 'folder'));
      repository.exportTo(name, version, folder);
      return { dataset: repository.load(name, version), message: `exported ${name}@${version} to ${folder}` };
    }
    case 'import': {
      const dataset = repository.importFrom(path.resolve(text(params.folder, 'folder')));
      return { dataset, message: `imported ${dataset.id}: ${dataset.stats.total_spans} spans, Merkle root verified` };
    }
    default:
      throw new DatasetActionError('INVALID_PARAMS', `unknown dataset action '${String((params as { action?: unknown })?.action)}' (build, freeze, export, import)`);
  }
}
