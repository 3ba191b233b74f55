import type { CancellationToken } from 'vscode-languageserver/node';
import { silentProgress } from '@arenalab/core';
import type { GapsParams, GapsResult } from '@arenalab/protocol';
import { collectGaps } from '../../evaluation';
import type { ClientSettings } from '../settings/clientSettings';

const DEFAULT_TOP = 10;
const DEFAULT_MAX_FILES = 200;

/**
 * What the gaps map uses, read when the request arrives: the first workspace folder, the store's folder, the user's
 * excludes and the show threshold the map judges confidence against.
 */
export interface GapsDeps {
  readonly root: string | undefined;
  readonly storeDir: string | undefined;
  readonly excludes: ClientSettings['excludes'];
  readonly showThreshold: number;
}

const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback);

/**
 * `arenalab/gaps`: the uncertainty map of the first workspace folder's next-line cases (a seeded sample of at most
 * `maxFiles` files, each held out) and the store's logged suggestions, as `arenalab gaps` prints it; `$/cancelRequest`
 * stops it between files. Empty without a folder. Coverage is measured at the threshold suggestions are shown at to
 * this user (`arenalab.confidenceThreshold`, or the one fitted for `arenalab.targetPrecision`), not the engine's own.
 */
export async function onGaps(deps: GapsDeps, params: GapsParams | undefined, token?: CancellationToken): Promise<GapsResult> {
  const { root, storeDir } = deps;
  const empty: GapsResult = { observations: { next_line_cases: 0, logged_suggestions: 0 }, areas: [] };
  if (root === undefined) return empty;
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
      map: { showThreshold: deps.showThreshold, minObservations: 5, examplesPerArea: 5 },
      excludes: deps.excludes,
    },
    cancel,
    { phase: () => silentProgress },
  );
  return { root, ...(storeDir !== undefined ? { storeDir } : {}), observations: report.observations, areas: report.areas };
}
