import type { Span } from '../spans/span';
import type { DimensionScore } from './qualityMetrics';
import { ScoreSheet } from './qualityMetrics';
import type { QualityConfig } from './qualityConfig';
import { isBlank, isTrivialText, looksLikeCode, words } from './textSignals';

/**
 * Completeness: are the fields a reader needs present and non-trivial, and does a finished span say how it
 * ended? Starts at 100 and loses points per missing piece (see README.md for the table).
 */
export function scoreCompleteness(span: Span, config: QualityConfig): DimensionScore {
  const sheet = new ScoreSheet(100, 'start');
  if (config.anonymousActors.includes(span.who.trim().toLowerCase())) sheet.apply(-15, 'who missing or anonymous');
  if (isBlank(span.did)) sheet.apply(-20, 'did missing');
  if (isTrivialText(span.this)) sheet.apply(-25, 'this empty or trivial');
  else if (words(span.this).length < 3) sheet.apply(-15, `this too short to stand alone (${words(span.this).length} words)`);
  if (Number.isNaN(Date.parse(span.when))) sheet.apply(-15, 'when is not a valid date');
  if (isBlank(span.context?.environment)) sheet.apply(-5, 'context.environment (domain) missing');
  scoreOutcome(span, sheet);
  return sheet.result();
}

function scoreOutcome(span: Span, sheet: ScoreSheet): void {
  if (span.status === 'pending') {
    sheet.apply(-25, 'pending: the outcome is not known yet');
    return;
  }
  const okMissing = isTrivialText(span.if_ok);
  const notMissing = isTrivialText(span.if_not);
  if (span.status === 'completed' && okMissing) {
    sheet.apply(-40, 'if_ok missing for a completed span');
    return;
  }
  if (span.status === 'failed' && notMissing) {
    if (okMissing) sheet.apply(-40, 'if_not missing for a failed span');
    else sheet.apply(-15, 'failed span describes its failure only in if_ok');
    return;
  }
  const outcome = (span.status === 'failed' ? span.if_not : span.if_ok) ?? '';
  if (words(outcome).length < 3 && !looksLikeCode(outcome)) {
    sheet.apply(-10, `outcome very short (${words(outcome).length} words)`);
  }
}
