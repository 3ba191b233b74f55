import type { BenchBlockResult } from '../bench/benchBlockCompletion';
import { table } from './output';

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const lines = (x: number | null) => (x === null ? '-' : x.toFixed(2));

/** Human form of `arenalab bench completion --mode block`: the same numbers as the JSON, as a small table. */
export function formatBlockBench(r: BenchBlockResult): string {
  const e = r.engine;
  const j = r.baselines['jaccard-copy'];
  const f = r.baselines['first-line-only'];
  return [
    `block benchmark: ${r.repo}, ${r.cases} cases from ${r.files} files`,
    table([
      ['predictor', 'block EM', 'lines right', 'first-line EM', 'coverage', 'shown block EM', 'shown lines right', 'shown lines', 'p99 ms'],
      ['engine', percent(e.block_em), lines(e.lines_right), percent(e.first_line_em), percent(e.coverage), percent(e.shown_block_em), lines(e.shown_lines_right), lines(e.shown_lines), e.p99_ms],
      ['jaccard-copy', percent(j.block_em), lines(j.lines_right), percent(j.first_line_em), '-', '-', '-', '-', '-'],
      ['first-line-only', percent(f.block_em), lines(f.lines_right), percent(f.first_line_em), '-', '-', '-', '-', '-'],
    ]),
    `index: ${r.index.files} files, ${r.index.windows} windows, built in ${r.index.build_s} s; peak RSS ${r.index.rss_mb} MB`,
  ].join('\n');
}
