import { throwIfCancelled, withoutForgotten } from '@arenalab/core';
import type { Cancellation, Progress, Span } from '@arenalab/core';
import { SpanStore } from './spanStore';

/**
 * Reads every span of a store without taking the writer lock (read mode), so curation can run while an ingest
 * appends: it sees the log as it was when opened. What the developer asked to forget (`forget_learning` tombstones)
 * is left out with everything citing or derived from it, unless `forgotten: 'keep'` (the learner replays the
 * tombstones in order itself).
 */
export async function loadStoreSpans(storeDir: string, token: Cancellation, progress: Progress, options: { forgotten?: 'drop' | 'keep' } = {}): Promise<Span[]> {
  const store = await SpanStore.open(storeDir, { mode: 'read' });
  try {
    const spans: Span[] = [];
    const total = store.count;
    for await (const span of store.spans()) {
      spans.push(span);
      if (spans.length % 1000 === 0) {
        throwIfCancelled(token, 'reading the store');
        progress.report(spans.length, total);
      }
    }
    progress.report(spans.length, total);
    return options.forgotten === 'keep' ? spans : withoutForgotten(spans);
  } finally {
    await store.close();
  }
}
