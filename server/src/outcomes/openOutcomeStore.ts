import * as path from 'node:path';
import { defaultStoreDir, SpanStore, StoreError } from '../store';

/** Where the outcome spans go: the configured location, else `.arenalab/` in the first workspace folder. */
export function outcomeStoreDir(folders: readonly string[], configured: string | undefined): string | undefined {
  const first = folders[0];
  if (configured !== undefined && configured !== '') return path.resolve(first ?? process.cwd(), configured);
  return first === undefined ? undefined : defaultStoreDir(first);
}

/**
 * Opens the span store for writing, or explains in the log why outcomes will not be recorded. A store locked by
 * another process (the CLI ingesting, a second editor window) is normal: completions go on, only recording stops.
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
      log(`outcomes are not recorded: ${error.message}. Completions keep working; reload the window once the other process is done.`);
      return undefined;
    }
    log(`outcomes are not recorded: opening the span store ${dir} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
