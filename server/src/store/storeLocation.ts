import * as path from 'node:path';

/** The embedded store of a workspace lives in this folder at its root. */
export const STORE_FOLDER_NAME = '.arenalab';

/** `<workspace>/.arenalab`: where the CLI and the language server keep a workspace's spans by default. */
export function defaultStoreDir(workspace: string): string {
  return path.join(workspace, STORE_FOLDER_NAME);
}

/** The store directory for a CLI command: `--store DIR` when given, else the workspace's default store. */
export function resolveStoreDir(storeOption: string | undefined, workspace: string = process.cwd()): string {
  return path.resolve(storeOption ?? defaultStoreDir(workspace));
}
