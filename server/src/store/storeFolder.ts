import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDir, writeFileSynced } from '../host';

/** The ignore file a new store folder gets, so `git add -A` in the workspace never commits what was recorded. */
export const STORE_GITIGNORE = '.gitignore';
export const STORE_GITIGNORE_TEXT = '# Created by ArenaLab: this folder holds local recordings and is never committed.\n*\n';

/**
 * Creates the store folder (and its parents) when it does not exist yet, and only then writes `.gitignore` (`*`)
 * into it, durably. A folder that already exists is left exactly as it is: an ignore file the user edited or
 * removed is theirs. Two processes creating the same store race on `mkdir`, and only the winner writes the file.
 */
export function ensureStoreFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  writeFileSynced(path.join(dir, STORE_GITIGNORE), STORE_GITIGNORE_TEXT);
  fsyncDir(dir);
  fsyncDir(path.dirname(dir));
}
