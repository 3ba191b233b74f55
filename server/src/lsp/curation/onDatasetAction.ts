import type { Clock } from '@arenalab/core';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { DatasetActionParams, DatasetActionResult } from '@arenalab/protocol';
import { runDatasetAction } from '../../curation';
import { lspPhasedProgress } from './lspPhasedProgress';

/** What a dataset action uses: the store's folder when the request arrives, the clock, and the client's progress bars. */
export interface DatasetActionDeps {
  readonly storeDir: string | undefined;
  readonly clock: Clock;
  readonly window: Pick<Connection['window'], 'createWorkDoneProgress'>;
}

const TITLES: Record<string, string> = { build: 'Building dataset', freeze: 'Freezing dataset', export: 'Exporting dataset', import: 'Importing dataset' };

/**
 * `arenalab/datasetAction`: build, freeze, export or import in the workspace store, with a cancellable progress bar
 * (the request's own cancellation or the bar's Cancel button stop a build between batches).
 */
export async function onDatasetAction(deps: DatasetActionDeps, params: DatasetActionParams, token?: CancellationToken): Promise<DatasetActionResult> {
  const action = String((params as { action?: unknown } | undefined)?.action);
  const { storeDir } = deps;
  if (storeDir === undefined) return { ok: false, action, code: 'NO_STORE', reason: 'no workspace store: open a folder first' };
  const reporter = await deps.window.createWorkDoneProgress();
  reporter.begin(`ArenaLab: ${TITLES[action] ?? 'Dataset'}`, 0, undefined, true);
  const cancel = { get isCancelled() { return token?.isCancellationRequested === true || reporter.token.isCancellationRequested; } };
  try {
    return await runDatasetAction(params, { storeDir, clock: deps.clock, token: cancel, progress: lspPhasedProgress(reporter) });
  } finally {
    reporter.done();
  }
}
