import type { BenchQaResult } from '../bench/benchQa';
import type { McBenchResult } from '@arenalab/core';
import { table } from './output';

const pct = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`);

function row(name: string, r: McBenchResult): (string | number)[] {
  return [name, r.memory, r.test, `${pct(r.accuracy)} [${pct(r.accuracy_ci95[0])}–${pct(r.accuracy_ci95[1])}]`, pct(r.chance), pct(r.coverage), pct(r.answered_accuracy), r.ece.toFixed(3)];
}

/** The QA benchmark for people: one row per benchmark, methods, tier and the published baselines, and the caveat. */
export function formatQaBench(r: BenchQaResult): string {
  const rows: (string | number)[][] = [['benchmark', 'memory', 'test', 'accuracy [95% CI]', 'chance', `coverage@${r.threshold}`, `accuracy@${r.threshold}`, 'ECE']];
  if (r.mmlu) rows.push(row(`MMLU (${r.mmlu.subjects} subjects)`, r.mmlu));
  if (r.truthfulqa) rows.push(row(`TruthfulQA (MC, ${Math.round(r.truthfulqa.memory_share * 100)}% as memory)`, r.truthfulqa));
  const lines = [`QA benchmark by retrieval (threshold ${r.threshold})`, table(rows)];
  for (const [name, result] of [['MMLU', r.mmlu], ['TruthfulQA', r.truthfulqa]] as const) {
    if (result) lines.push(`${name} answers by method: ${Object.entries(result.methods).map(([m, n]) => `${m} ${n}`).join(', ')}`);
  }
  if (r.tier) {
    lines.push(`tier: ${r.tier} (on forced-choice accuracy)`);
    lines.push(table([['baseline (seed’s figures)', 'TruthfulQA', 'MMLU', ''], ...r.baselines.map((b) => [b.name, b.truthfulqa, b.mmlu, b.verdict])]));
  } else {
    lines.push('tier: needs both --mmlu and --truthfulqa');
  }
  if (r.problems.length) lines.push(`${r.problems.length} rows or files skipped:`, ...r.problems.slice(0, 20).map((p) => `  ${p}`));
  lines.push(r.note);
  return lines.join('\n');
}
