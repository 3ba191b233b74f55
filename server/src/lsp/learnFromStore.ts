import * as fs from 'node:fs';
import { neverCancelled, silentProgress } from '@arenalab/core';
import { loadStoreSpans } from '../pipeline';
import type { LspContext } from './lspContext';

/**
 * Gives the online learner the outcomes already in the store, so what was learned survives a restart or a store
 * move. The learner ignores spans it knows (by id) and spans that are not outcomes, so reading a store twice is safe;
 * a store that cannot be read is logged and learning goes on from new outcomes only.
 */
export async function learnFromStore(ctx: LspContext, dir: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(dir)) return;
  try {
    const spans = await loadStoreSpans(dir, neverCancelled, silentProgress);
    const updates = ctx.learner.observe(spans);
    if (updates.length > 0) log(`learned from ${ctx.learner.size} outcome(s) in ${dir}: ${updates.length} weight update(s)`);
  } catch (error) {
    log(`past outcomes in ${dir} not learned from: ${error instanceof Error ? error.message : String(error)}`);
  }
}
