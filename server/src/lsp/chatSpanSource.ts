import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentProgress, type Cancellation, type Span } from '@arenalab/core';
import { DatasetRepository } from '../datasets';
import { loadStoreSpans } from '../pipeline';
import { LOG_FILE_NAME } from '../store';

/** What the chat memory was read from; a different stamp means it must be read again. */
export interface ChatSourceStamp {
  storeDir: string;
  /** Bytes of the store's log when read: the log only grows, so a new size means new spans. */
  logBytes: number;
  /** `name@version` of the newest dataset, if any. */
  dataset?: string;
}

export interface ChatSpans {
  stamp: ChatSourceStamp;
  spans: Span[];
}

function logBytes(storeDir: string): number {
  try {
    return fs.statSync(path.join(storeDir, LOG_FILE_NAME)).size;
  } catch {
    return 0;
  }
}

/** The most recently created dataset version of the store, or undefined when it has none. */
function newestDataset(storeDir: string): { name: string; version: string } | undefined {
  const listings = new DatasetRepository(storeDir).list();
  if (listings.length === 0) return undefined;
  const newest = listings.reduce((a, b) => (b.created_at > a.created_at ? b : a));
  return { name: newest.name, version: newest.version };
}

/** Where the memory would be read from now; cheap (a stat and a directory listing), so it is checked per request. */
export function currentChatStamp(storeDir: string): ChatSourceStamp {
  const dataset = newestDataset(storeDir);
  return { storeDir, logBytes: logBytes(storeDir), ...(dataset ? { dataset: `${dataset.name}@${dataset.version}` } : {}) };
}

export function sameStamp(a: ChatSourceStamp | undefined, b: ChatSourceStamp): boolean {
  return a !== undefined && a.storeDir === b.storeDir && a.logBytes === b.logBytes && a.dataset === b.dataset;
}

/**
 * The spans the chat answers from: every span of the workspace store (read mode: the language server's recorder
 * holds the writer lock) plus the newest dataset's, a span in both counted once. An empty or missing store is an
 * empty memory, not an error.
 */
export async function loadChatMemory(stamp: ChatSourceStamp, token: Cancellation): Promise<Span[]> {
  const byId = new Map<string, Span>();
  if (stamp.logBytes > 0) for (const span of await loadStoreSpans(stamp.storeDir, token, silentProgress)) byId.set(span.id, span);
  if (stamp.dataset !== undefined) {
    const at = stamp.dataset.lastIndexOf('@');
    const dataset = new DatasetRepository(stamp.storeDir).load(stamp.dataset.slice(0, at), stamp.dataset.slice(at + 1));
    for (const entry of dataset.spans) if (!byId.has(entry.span.id)) byId.set(entry.span.id, entry.span);
  }
  return [...byId.values()];
}
