import { derivedFrom } from '@arenalab/core';
import type { OnlineLearner, Span } from '@arenalab/core';

/**
 * Once an accepted suggestion has passed its last retention check, what the learner derives from it goes into the
 * store, so `arenalab dataset build` picks it up: its diamond candidate (the learner's `retainedSuggestionSpan`,
 * scored by the quality meter) when kept (quality ≥ 80), and the synthetic span of each cluster of similar accepted
 * suggestions it belongs to when kept (≥ 75). Only what the settled suggestion takes part in: another suggestion
 * still between checks would be stored with fewer confirmations than it will have. The store skips a span whose
 * content it already holds; a cluster that grows later is stored again as a new synthetic span (the dataset builder's
 * near-duplicate pass keeps one of them). Returns the ids recorded.
 */
export function recordLearnedSpans(learner: OnlineLearner, record: (draft: Omit<Span, 'id'>) => string | undefined, acceptedSpanId: string): string[] {
  const learned = learner.learned();
  const own = learned.candidates.filter((c) => c.kept && derivedFrom(c.span)[0] === acceptedSpanId);
  const clusters = learned.synthetic.filter((s) => s.kept && derivedFrom(s.span).includes(acceptedSpanId));
  return [...own, ...clusters].flatMap(({ span }) => {
    const { id: _derivedId, ...draft } = span;
    const id = record(draft);
    return id === undefined ? [] : [id];
  });
}
