import type { CancellationToken } from 'vscode-languageserver/node';
import { silentProgress } from '@arenalab/core';
import type { GapsParams, GapsResult } from '@arenalab/protocol';
import { collectGaps } from '../../bench/collectGaps';
import type { LspContext } from '../lspContext';

const DEFAULT_TOP = 10;
const DEFAULT_MAX_FILES = 200;

const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback);

/**
 * `arenalab/gaps`: the uncertainty map of the first workspace folder's next-line cases (a seeded sample of at most
 * `maxFiles` files, each held out) and the store's logged suggestions, as `arenalab gaps` prints it; `$/cancelRequest`
 * stops it between files. Empty without a folder.
 */
export async function onGaps(ctx: LspContext, params: GapsParams | undefined, token?: CancellationToken): Promise<GapsResult> {
  const root = ctx.roots.all[0];
  const empty: GapsResult = { observations: { next_line_cases: 0, logged_suggestions: 0 }, areas: [] };
  if (root === undefined) return empty;
  const storeDir = ctx.store.dir;
  const cancel = { get isCancelled() { return token?.isCancellationRequested === true; } };
  const report = await collectGaps(
    {
      repo: root,
      ...(storeDir !== undefined ? { store: storeDir } : {}),
      perFile: 10,
      maxFiles: positive(params?.maxFiles, DEFAULT_MAX_FILES),
      seed: 1,
      depth: 3,
      top: positive(params?.top, DEFAULT_TOP),
      minQuality: 80,
      map: { showThreshold: ctx.engine.config.showThreshold, minObservations: 5, examplesPerArea: 5 },
      excludes: ctx.clientSettings.excludes,
    },
    cancel,
    { phase: () => silentProgress },
  );
  return { root, ...(storeDir !== undefined ? { storeDir } : {}), observations: report.observations, areas: report.areas };
}
