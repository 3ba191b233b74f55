import * as fs from 'node:fs';
import * as path from 'node:path';
import { throwIfCancelled, type Cancellation, type Span } from '@arenalab/core';
import { DatasetRepository } from '../../datasets';
import { LOG_FILE_NAME, SpanStore } from '../../store';

/** What the chat memory was read from; a different stamp means it must be read again. */
export interface ChatSourceStamp {
  storeDir: string;
  /** Bytes of the store's log when read: the log only grows, so a new size means new spans. */
  logBytes: number;
  /** `name@version` of the newest dataset, if any. */
  dataset?: string;
}

/** Spans read from the store, and how many records the log held when read (where the next read starts). */
export interface StoreSpans {
  spans: Span[];
  count: number;
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

/** Only new spans were appended since `before` (same store, same dataset): they can be added instead of rebuilding. */
export function onlyGrew(before: ChatSourceStamp, now: ChatSourceStamp): boolean {
  return before.storeDir === now.storeDir && before.dataset === now.dataset && now.logBytes > before.logBytes;
}

/**
 * The store's spans after the first `skip` records, in log order (read mode: the language server's recorder holds
 * the writer lock). A missing store is empty, not an error.
 */
export async function readStoreSpans(storeDir: string, skip: number, token: Cancellation): Promise<StoreSpans> {
  if (!fs.existsSync(path.join(storeDir, LOG_FILE_NAME))) return { spans: [], count: 0 };
  const store = await SpanStore.open(storeDir, { mode: 'read' });
  try {
    const spans: Span[] = [];
    let seen = 0;
    for await (const span of store.spans()) {
      if (seen++ >= skip) spans.push(span);
      if (seen % 1000 === 0) throwIfCancelled(token, 'reading the store for the chat');
    }
    return { spans, count: seen };
  } finally {
    await store.close();
  }
}

/**
 * The spans the chat answers from: every span of the workspace store plus the newest dataset's, a span in both
 * counted once; `count` is the store's record count, where a later `readStoreSpans` goes on from.
 */
export async function loadChatMemory(stamp: ChatSourceStamp, token: Cancellation): Promise<StoreSpans> {
  const stored = await readStoreSpans(stamp.storeDir, 0, token);
  const byId = new Map<string, Span>(stored.spans.map((span) => [span.id, span]));
  if (stamp.dataset !== undefined) {
    const at = stamp.dataset.lastIndexOf('@');
    const dataset = new DatasetRepository(stamp.storeDir).load(stamp.dataset.slice(0, at), stamp.dataset.slice(at + 1));
    for (const entry of dataset.spans) if (!byId.has(entry.span.id)) byId.set(entry.span.id, entry.span);
  }
  return { spans: [...byId.values()], count: stored.count };
}
