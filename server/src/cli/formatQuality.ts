import { QUALITY_DIMENSIONS } from '@arenalab/core';
import type { DatasetStats, DropReport, QualityReport } from '@arenalab/core';
import { table } from './output';

const BAR_WIDTH = 40;

/** The quality breakdown people read: a histogram of total scores, class counts and the mean of each dimension. */
export function formatQualityReport(report: QualityReport): string {
  const widest = Math.max(1, ...report.histogram.map((b) => b.count));
  const lines = [`quality of ${report.count} spans`];
  for (const bucket of [...report.histogram].reverse()) {
    const bar = '#'.repeat(Math.round((bucket.count / widest) * BAR_WIDTH));
    lines.push(`  ${bucket.label.padStart(6)} | ${bar}${bucket.count ? ' ' + bucket.count : ''}`);
  }
  lines.push(`classes: diamond ${report.classes.diamond}, needs_enrichment ${report.classes.needs_enrichment}, discarded ${report.classes.discarded}`);
  lines.push(table([
    ['mean', ...QUALITY_DIMENSIONS, 'total'],
    ['', ...QUALITY_DIMENSIONS.map((d) => report.means[d]), report.means.total_score],
  ]));
  return lines.join('\n');
}

/** Dataset stats and what the builder dropped, for `run` and `dataset build|stats`. */
export function formatDatasetStats(ref: string, stats: DatasetStats, merkleRoot: string, drops?: DropReport): string {
  const lines = [
    `dataset ${ref}: ${stats.total_spans} spans, average quality ${stats.avg_quality}`,
    `  date range: ${stats.date_range ? `${stats.date_range.start} .. ${stats.date_range.end}` : 'none'}`,
    `  merkle root: ${merkleRoot}`,
    '  domains:',
    ...Object.entries(stats.domains)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([domain, count]) => `    ${String(count).padStart(6)}  ${domain}`),
  ];
  if (drops) {
    const reasons = Object.entries(drops.counts).filter(([, n]) => n > 0);
    lines.push(`  dropped: ${reasons.length ? reasons.map(([r, n]) => `${r} ${n}`).join(', ') : 'none'}`);
  }
  return lines.join('\n');
}
