import * as fs from 'node:fs';
import { forgetRecordOf, neverCancelled, silentProgress } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import { loadStoreSpans } from '../../store';
import { forgetLearning } from './forgetLearning';
import type { LearningDeps } from './forgetLearning';

/**
 * The store in its order: outcomes are observed in batches, and each `forget_learning` tombstone is applied where
 * it stands (what was learned before it is forgotten, what came after counts), as `onForget` did when asked.
 */
function replay(deps: LearningDeps, spans: readonly Span[]): { updates: number; forgets: number } {
  let updates = 0;
  let forgets = 0;
  let batch: Span[] = [];
  const flush = () => {
    updates += deps.learner.observe(batch).length;
    deps.calibration?.observe(batch);
    batch = [];
  };
  for (const span of spans) {
    const forget = forgetRecordOf(span);
    if (forget === undefined) {
      batch.push(span);
      continue;
    }
    flush();
    forgetLearning(deps, forget.spanIds, forget.file);
    forgets++;
  }
  flush();
  return { updates, forgets };
}

/**
 * Gives the online learner the outcomes already in the store, so what was learned survives a restart or a store
 * move. The learner ignores spans it knows (by id) and spans that are not outcomes, so reading a store twice is safe;
 * a store that cannot be read is logged and learning goes on from new outcomes only.
 */
export async function learnFromStore(deps: LearningDeps, dir: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(dir)) return;
  try {
    const spans = await loadStoreSpans(dir, neverCancelled, silentProgress, { forgotten: 'keep' });
    const { updates, forgets } = replay(deps, spans);
    if (updates > 0 || forgets > 0) log(`learned from ${deps.learner.size} outcome(s) in ${dir}: ${updates} weight update(s), ${forgets} forget request(s) applied again`);
  } catch (error) {
    log(`past outcomes in ${dir} not learned from: ${error instanceof Error ? error.message : String(error)}`);
  }
}
