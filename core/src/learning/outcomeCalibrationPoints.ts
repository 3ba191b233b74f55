import type { Span } from '../spans/span';
import type { CalibrationPoint } from './expectedCalibrationError';
import { ratedOutcomeOf } from './outcomeRating';

/**
 * Calibration data from logged outcomes: one point per suggestion whose fate is known, with the confidence it was
 * shown with; right means accepted in full and never found deleted by a retention check (the probability that
 * matters is "accepted and kept"). Suggestions only shown, or without a numeric confidence, are skipped; when a
 * suggestion was reported more than once the latest report counts.
 */
export function outcomeCalibrationPoints(spans: readonly Span[]): CalibrationPoint[] {
  const latest = new Map<string, Span>();
  const notRetained = new Set<string>();
  for (const span of spans) {
    if (ratedOutcomeOf(span) === 'not_retained') for (const id of span.context?.previous_spans ?? []) notRetained.add(id);
    if (span.did !== 'suggest_completion' || ratedOutcomeOf(span) === undefined) continue;
    const key = typeof span.metadata?.suggestion_id === 'string' ? span.metadata.suggestion_id : span.id;
    const previous = latest.get(key);
    if (!previous || span.when > previous.when || (span.when === previous.when && span.id > previous.id)) latest.set(key, span);
  }
  const points: CalibrationPoint[] = [];
  for (const span of [...latest.values()].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.id < b.id ? -1 : 1))) {
    const confidence = span.metadata?.confidence;
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) continue;
    points.push({ confidence, correct: ratedOutcomeOf(span) === 'accepted' && !notRetained.has(span.id) });
  }
  return points;
}
