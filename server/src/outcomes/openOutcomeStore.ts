import * as path from 'node:path';
import { defaultStoreDir, SpanStore, StoreError } from '../store';

/** Where the outcome spans go: the configured location, else `.arenalab/` in the first workspace folder. */
export function outcomeStoreDir(folders: readonly string[], configured: string | undefined): string | undefined {
  const first = folders[0];
  if (configured !== undefined && configured !== '') return path.resolve(first ?? process.cwd(), configured);
  return first === undefined ? undefined : defaultStoreDir(first);
}

/**
 * Opens the span store for writing, or explains in the log why outcomes will not be recorded. Other writers on the
 * same store (a second editor window, the CLI ingesting, the API) are normal: each append takes the store's append
 * lock for a moment, so every window records. Only a damaged log, or a lock a live process keeps for longer than the
 * store waits, stops recording; completions go on.
 */
export async function openOutcomeStore(dir: string | undefined, log: (line: string) => void): Promise<SpanStore | undefined> {
  if (dir === undefined) {
    log('outcomes are not recorded: no workspace folder and no arenalab.store.location');
    return undefined;
  }
  try {
    const store = await SpanStore.open(dir, { mode: 'write' });
    log(`recording suggestion outcomes in ${dir}`);
    return store;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'locked') {
      log(`outcomes are not recorded: ${error.message}. Completions keep working; reload the window once that process is done.`);
      return undefined;
    }
    log(`outcomes are not recorded: opening the span store ${dir} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
