import type { QualityClass } from '../quality/qualityMetrics';
import { QUALITY_CLASSES } from '../quality/qualityMetrics';
import type { DatasetSpan, DatasetStats } from './datasetTypes';
import { topLevelDomain } from './spanDomain';

function increment(counts: Record<string, number>, key: string): void {
  const value = (Object.prototype.hasOwnProperty.call(counts, key) ? counts[key] : 0) + 1;
  Object.defineProperty(counts, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Totals, average quality, domain counts, date range and class counts of a dataset's spans. */
export function computeStats(spans: readonly DatasetSpan[]): DatasetStats {
  const domains: Record<string, number> = {};
  const groups: Record<string, number> = {};
  const classes = Object.fromEntries(QUALITY_CLASSES.map((name) => [name, 0])) as Record<QualityClass, number>;
  let sum = 0;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const entry of spans) {
    increment(domains, entry.domain);
    increment(groups, topLevelDomain(entry.domain));
    classes[entry.metrics.class]++;
    sum += entry.metrics.total_score;
    const ms = Date.parse(entry.span.when);
    if (!Number.isNaN(ms)) {
      start = Math.min(start, ms);
      end = Math.max(end, ms);
    }
  }
  return {
    total_spans: spans.length,
    avg_quality: spans.length === 0 ? 0 : Math.round((sum / spans.length) * 100) / 100,
    domains: sortKeys(domains),
    domain_groups: sortKeys(groups),
    date_range: Number.isFinite(start) ? { start: new Date(start).toISOString(), end: new Date(end).toISOString() } : null,
    classes,
  };
}

function sortKeys(counts: Record<string, number>): Record<string, number> {
  // Object.fromEntries defines own properties, so `__proto__` stays an ordinary key here too.
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
