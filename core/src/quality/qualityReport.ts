import type { QualityClass, QualityDimension, QualityMetrics } from './qualityMetrics';
import { QUALITY_CLASSES, QUALITY_DIMENSIONS } from './qualityMetrics';

/** One histogram bar: spans whose total score falls in [from, to]; the last bucket is 90–100. */
export interface HistogramBucket {
  from: number;
  to: number;
  label: string;
  count: number;
}

export interface QualityReport {
  count: number;
  histogram: HistogramBucket[];
  classes: Record<QualityClass, number>;
  /** Mean of each dimension and of the total, rounded to two decimals; 0 when there are no spans. */
  means: Record<QualityDimension | 'total_score', number>;
}

/** Summarises many scores: a 10-point histogram, counts per class and the mean per dimension. */
export function qualityReport(metrics: readonly QualityMetrics[]): QualityReport {
  const histogram: HistogramBucket[] = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i === 9 ? 100 : i * 10 + 9,
    label: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`,
    count: 0,
  }));
  const classes = Object.fromEntries(QUALITY_CLASSES.map((name) => [name, 0])) as Record<QualityClass, number>;
  const keys = [...QUALITY_DIMENSIONS, 'total_score'] as const;
  const sums = Object.fromEntries(keys.map((key) => [key, 0])) as Record<(typeof keys)[number], number>;
  for (const metric of metrics) {
    histogram[Math.min(9, Math.max(0, Math.floor(metric.total_score / 10)))].count++;
    classes[metric.class]++;
    for (const key of keys) sums[key] += metric[key];
  }
  const means = Object.fromEntries(
    keys.map((key) => [key, metrics.length === 0 ? 0 : Math.round((sums[key] / metrics.length) * 100) / 100]),
  ) as QualityReport['means'];
  return { count: metrics.length, histogram, classes, means };
}
