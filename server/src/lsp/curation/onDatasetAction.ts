import type { CancellationToken } from 'vscode-languageserver/node';
import type { DatasetActionParams, DatasetActionResult } from '@arenalab/protocol';
import { runDatasetAction } from '../../curation';
import type { LspContext } from '../lspContext';
import { lspPhasedProgress } from './lspPhasedProgress';

const TITLES: Record<string, string> = { build: 'Building dataset', freeze: 'Freezing dataset', export: 'Exporting dataset', import: 'Importing dataset' };

/**
 * `arenalab/datasetAction`: build, freeze, export or import in the workspace store, with a cancellable progress bar
 * (the request's own cancellation or the bar's Cancel button stop a build between batches).
 */
export async function onDatasetAction(ctx: LspContext, params: DatasetActionParams, token?: CancellationToken): Promise<DatasetActionResult> {
  const action = String((params as { action?: unknown } | undefined)?.action);
  const storeDir = ctx.store.dir;
  if (storeDir === undefined) return { ok: false, action, code: 'NO_STORE', reason: 'no workspace store: open a folder first' };
  const reporter = await ctx.connection.window.createWorkDoneProgress();
  reporter.begin(`ArenaLab: ${TITLES[action] ?? 'Dataset'}`, 0, undefined, true);
  const cancel = { get isCancelled() { return token?.isCancellationRequested === true || reporter.token.isCancellationRequested; } };
  try {
    return await runDatasetAction(params, { storeDir, clock: ctx.clock, token: cancel, progress: lspPhasedProgress(reporter) });
  } finally {
    reporter.done();
  }
}
