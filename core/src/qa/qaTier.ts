/** Tiers on TruthfulQA T and MMLU M, in percent. */
export type QaTier = 'diamond' | 'gold' | 'silver' | 'bronze' | 'training';

const TIERS: { tier: QaTier; truthfulqa: number; mmlu: number }[] = [
  { tier: 'diamond', truthfulqa: 90, mmlu: 90 },
  { tier: 'gold', truthfulqa: 80, mmlu: 85 },
  { tier: 'silver', truthfulqa: 72, mmlu: 78 },
  { tier: 'bronze', truthfulqa: 65, mmlu: 70 },
];

/** Published baselines (TruthfulQA / MMLU, percent); not re-measured here. */
export const QA_BASELINES: readonly { name: string; truthfulqa: number; mmlu: number }[] = [
  { name: 'gpt-3.5', truthfulqa: 58, mmlu: 70 },
  { name: 'claude-2', truthfulqa: 72, mmlu: 78 },
  { name: 'gpt-4', truthfulqa: 78, mmlu: 86 },
  { name: 'claude-3-opus', truthfulqa: 85, mmlu: 87 },
];

export function qaTier(truthfulqa: number, mmlu: number): QaTier {
  return TIERS.find((t) => truthfulqa >= t.truthfulqa && mmlu >= t.mmlu)?.tier ?? 'training';
}

export interface BaselineComparison {
  name: string;
  truthfulqa: number;
  mmlu: number;
  competitive: boolean;
  /** The verdict: "✅ Competitive with X" only if both scores reach the baseline, else "❌ Below X". */
  verdict: string;
}

export function compareWithBaselines(truthfulqa: number, mmlu: number): BaselineComparison[] {
  return QA_BASELINES.map((b) => {
    const competitive = truthfulqa >= b.truthfulqa && mmlu >= b.mmlu;
    return { ...b, competitive, verdict: `${competitive ? '✅ Competitive with' : '❌ Below'} ${b.name}` };
  });
}
