import type { BenchCompletionResult } from '../bench/benchCompletion';
import { table } from './output';

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

/** Human form of `arenalab bench completion`: the same numbers as the JSON, as a small table. */
export function formatCompletionBench(r: BenchCompletionResult): string {
  const e = r.engine;
  const j = r.baselines['jaccard-copy'];
  const c = r.baselines['copy-only'];
  return [
    `${r.benchmark} benchmark: ${r.repo}, ${r.cases} cases from ${r.files} files`,
    table([
      ['predictor', 'EM', 'ES', 'coverage', 'shown EM', 'p50 ms', 'p95 ms', 'p99 ms'],
      ['engine', percent(e.em), percent(e.es), percent(e.coverage), percent(e.shown_em), e.p50_ms, e.p95_ms, e.p99_ms],
      ['copy-only', percent(c.em), percent(c.es), '-', '-', '-', '-', '-'],
      ['jaccard-copy', percent(j.em), percent(j.es), '-', '-', '-', '-', '-'],
    ]),
    `confidence: ECE ${e.ece} calibrated (${r.calibration.samples} self-calibration samples, ${r.calibration.fit_s} s), ${e.raw_ece} raw; ` +
      `at the raw score coverage would be ${percent(e.raw_coverage)}, shown EM ${percent(e.raw_shown_em)}`,
    `index: ${r.index.files} files, ${r.index.windows} windows, built in ${r.index.build_s} s; peak RSS ${r.index.rss_mb} MB`,
  ].join('\n');
}
