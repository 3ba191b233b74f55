import { derivedFrom } from '@arenalab/core';
import type { OnlineLearner, Span } from '@arenalab/core';

/**
 * Once an accepted suggestion has passed its last retention check: its diamond candidate (the learner's
 * `retainedSuggestionSpan`, scored by the quality meter) is appended to the store when kept (quality ≥ 80), so
 * `arenalab dataset build` picks it up. Only the settled suggestion's candidate: another one still between checks
 * would be stored with fewer confirmations than it will have. The store skips a span whose content it already holds
 * (a restart settles nothing twice, but a replay may derive the same candidate). Returns the id recorded, if any.
 */
export function recordLearnedCandidate(learner: OnlineLearner, record: (draft: Omit<Span, 'id'>) => string | undefined, acceptedSpanId: string): string | undefined {
  const candidate = learner.learned().candidates.find((c) => c.kept && derivedFrom(c.span)[0] === acceptedSpanId);
  if (candidate === undefined) return undefined;
  const { id: _derivedId, ...draft } = candidate.span;
  return record(draft);
}
