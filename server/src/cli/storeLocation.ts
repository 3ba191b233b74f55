import * as path from 'node:path';

/** The embedded store lives under `.arenalab/` of the workspace unless `--store DIR` says otherwise. */
export function resolveStoreDir(storeOption: string | undefined, workspace: string = process.cwd()): string {
  return path.resolve(storeOption ?? path.join(workspace, '.arenalab'));
}
