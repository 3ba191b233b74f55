import type { Span } from '../spans/span';
import { confirmationStrength } from './confirmation';
import type { QualityConfig } from './qualityConfig';
import type { DimensionScore } from './qualityMetrics';
import { ScoreSheet } from './qualityMetrics';
import { hasDiffHunk, looksLikeCode, words } from './textSignals';

const STATUS_BASE = { completed: 50, failed: 45, pending: 15 } as const;
const STAKES_POINTS = { high: 20, medium: 10, low: 0 } as const;

/**
 * Impact: how much a matcher can learn from the span. A clear, verified, substantial outcome in a high-stakes
 * context teaches more than a pending note. Failures keep most of the value: they show what not to do.
 */
export function scoreImpact(span: Span, config: QualityConfig): DimensionScore {
  const sheet = new ScoreSheet(STATUS_BASE[span.status] ?? 0, `status '${span.status}'`);
  const strength = confirmationStrength(span.confirmed_by, config);
  if (strength === 'strong') sheet.apply(20, 'outcome independently confirmed');
  else if (strength === 'weak') sheet.apply(10, 'outcome weakly confirmed');
  scoreSubstance(span, sheet);
  const stakes = span.context?.stakes;
  if (stakes && stakes in STAKES_POINTS) sheet.apply(STAKES_POINTS[stakes], `stakes '${stakes}'`);
  else sheet.apply(5, 'stakes unspecified');
  const previous = span.context?.previous_spans?.length ?? 0;
  if (previous > 0) sheet.apply(10, `part of a trajectory (${previous} previous spans)`);
  const mood = span.context?.emotional_state;
  if (mood === 'positive' || mood === 'negative') sheet.apply(5, `explicit feedback signal (${mood})`);
  return sheet.result();
}

function scoreSubstance(span: Span, sheet: ScoreSheet): void {
  const outcome = span.status === 'failed' ? (span.if_not ?? span.if_ok ?? '') : (span.if_ok ?? '');
  const count = words(outcome).length;
  if (hasDiffHunk(outcome) || looksLikeCode(outcome) || count >= 30) {
    sheet.apply(15, 'substantial outcome (code, diff or 30+ words)');
  } else if (count >= 8) {
    sheet.apply(8, `moderate outcome (${count} words)`);
  } else {
    sheet.apply(-10, `thin outcome (${count} words)`);
  }
}
