import type { LspContext } from '../lspContext';

/**
 * Unlearns in the running creature: the spans with every outcome citing them (the learner unlearns exactly their
 * updates), a source id's own trust, and the trust of every place of a file (by engine key). Shared by
 * `arenalab/forget` and the replay of a store's tombstones, so both forget alike.
 */
export function forgetLearning(ctx: LspContext, spanIds: readonly string[], fileKey: string | undefined): { outcomes: string[]; sources: number } {
  const outcomes = ctx.learner.forget(spanIds);
  const forgotten = new Set(outcomes);
  let sources = spanIds.filter((id) => !forgotten.has(id) && ctx.engine.weights.unlearnSource(id)).length;
  if (fileKey !== undefined) sources += ctx.engine.weights.unlearnFile(fileKey);
  return { outcomes, sources };
}
