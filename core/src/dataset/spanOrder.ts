import type { QualityMetrics } from '../quality/qualityMetrics';
import type { Span } from '../spans/span';

interface Ranked {
  span: Span;
  metrics: QualityMetrics;
}

function time(span: Span): number {
  const ms = Date.parse(span.when);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Best first: higher total_score, then earlier `when`, then smaller id. Deterministic for any input order. */
export function compareByQuality(a: Ranked, b: Ranked): number {
  return b.metrics.total_score - a.metrics.total_score || time(a.span) - time(b.span) || compareIds(a.span.id, b.span.id);
}

/** The dataset's span order: earlier `when` first, then smaller id. */
export function compareByTime(a: { span: Span }, b: { span: Span }): number {
  const ta = time(a.span);
  const tb = time(b.span);
  return ta === tb ? compareIds(a.span.id, b.span.id) : ta < tb ? -1 : 1;
}
