import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeCompletionIndex } from '@arenalab/core';
import type { SavedCompletionIndex } from '@arenalab/core';
import { replaceFileAtomically, stagingPath } from '../host';

/** The saved completion index's name in a store folder. */
export const SAVED_INDEX_FILE = 'completion-index.bin';

/** What reading a saved index gave: the index and its bytes, or why there is none to use. */
export type SavedIndexRead = { saved: SavedCompletionIndex; bytes: Uint8Array } | { problem: string };

/**
 * Reads and checks a saved completion index (header, format version, checksum, tables). Anything wrong, including a
 * missing file, is a problem to report and rebuild from, never an exception.
 */
export function readSavedIndex(file: string): SavedIndexRead {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no saved index' : `the saved index is unreadable: ${(error as Error).message}` };
  }
  try {
    return { saved: decodeCompletionIndex(bytes), bytes };
  } catch (error) {
    return { problem: `the saved index is unusable (${(error as Error).message})` };
  }
}

/**
 * Writes the index atomically (a temp file fsynced, renamed over the old one, the folder fsynced): a reader sees the
 * old file or the new one, never part of one. The folder is created when missing.
 */
export function writeSavedIndex(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  replaceFileAtomically(file, bytes);
}

/**
 * `writeSavedIndex` without blocking the event loop (the writes and fsyncs run on libuv's threads): what the language
 * server uses, since the index can be a hundred megabytes. The same guarantees: temp file fsynced, renamed over the
 * old one, the folder fsynced; a failed write removes its temp file.
 */
export async function writeSavedIndexInBackground(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = stagingPath(dir, `${path.basename(file)}.tmp`);
  try {
    const handle = await fs.promises.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  const folder = await fs.promises.open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** The saved index's path in a store folder; none without a store. */
export function savedIndexFileIn(storeDir: string | undefined): string | undefined {
  return storeDir === undefined ? undefined : path.join(storeDir, SAVED_INDEX_FILE);
}
