import type { Span } from '../spans/span';

/**
 * A 1–5 rating of what happened to a suggestion, 3 being neutral. Explicit signals the developer gave by
 * working on (keeping the code, passing tests) count most; an acceptance is good but not yet proven; a dismissal is
 * mild (most are "not now", not "wrong"); a suggestion deleted again or a failing run is the strongest negative.
 */
export const OUTCOME_RATINGS = {
  accepted: 4,
  partially_accepted: 3.5,
  dismissed: 2,
  retained: 5,
  not_retained: 1,
  passed: 5,
  failed: 1,
} as const;

export type RatedOutcome = keyof typeof OUTCOME_RATINGS;

/** Whether an outcome counts as an acceptance in provenance ("accepted n× before"). */
export function isAcceptance(outcome: RatedOutcome): boolean {
  return outcome === 'accepted' || outcome === 'partially_accepted';
}

/**
 * What an outcome span says about the suggestion it follows, or undefined when it says nothing (a suggestion only
 * shown, a span of another kind). Suggestion spans carry their outcome in `metadata.outcome`; retention checks and
 * task or test runs say it through their status.
 */
export function ratedOutcomeOf(span: Span): RatedOutcome | undefined {
  if (span.did === 'suggest_completion') {
    const outcome = span.metadata?.outcome;
    return outcome === 'accepted' || outcome === 'partially_accepted' || outcome === 'dismissed' ? outcome : undefined;
  }
  if (span.did === 'check_retention') return span.status === 'completed' ? 'retained' : span.status === 'failed' ? 'not_retained' : undefined;
  if (span.did === 'run_tests' || span.did === 'run_task') return span.status === 'completed' ? 'passed' : span.status === 'failed' ? 'failed' : undefined;
  return undefined;
}
