import type { Span } from '../spans/span';
import { confirmationStrength } from './confirmation';
import type { QualityConfig } from './qualityConfig';
import type { DimensionScore } from './qualityMetrics';
import { ScoreSheet } from './qualityMetrics';

/** Trust for a source the table does not list (a newer writer, a hand-edited file). */
const UNKNOWN_SOURCE_TRUST = 30;

/**
 * Provenance: can we trust where the span came from? The source's trust from the table, plus an identified
 * actor, plus independent confirmation (tests passed, accepted by the user, reviewed).
 */
export function scoreProvenance(span: Span, config: QualityConfig): DimensionScore {
  const trust = config.sourceTrust[span.source] ?? UNKNOWN_SOURCE_TRUST;
  const sheet = new ScoreSheet(trust, `source '${span.source}' trust`);
  if (config.anonymousActors.includes(span.who.trim().toLowerCase())) {
    sheet.apply(-10, 'actor not identified');
  } else {
    sheet.apply(15, `actor identified (who = '${truncate(span.who)}')`);
  }
  const strength = confirmationStrength(span.confirmed_by, config);
  if (strength === 'strong') sheet.apply(25, `confirmed by '${truncate(span.confirmed_by ?? '')}'`);
  else if (strength === 'weak') sheet.apply(10, `weak confirmation '${truncate(span.confirmed_by ?? '')}'`);
  else sheet.note('no confirmation (confirmed_by empty): +0');
  return sheet.result();
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}
