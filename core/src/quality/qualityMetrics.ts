/** The five dimensions of the quality meter, in the order the seed lists them. */
export const QUALITY_DIMENSIONS = ['completeness', 'provenance', 'impact', 'uniqueness', 'coherence'] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const QUALITY_CLASSES = ['diamond', 'needs_enrichment', 'discarded'] as const;
export type QualityClass = (typeof QUALITY_CLASSES)[number];

/** One dimension's score (0–100) and the rules that moved it, written for a person to read. */
export interface DimensionScore {
  score: number;
  reasons: string[];
}

export interface QualityMetrics {
  completeness: number;
  provenance: number;
  impact: number;
  uniqueness: number;
  coherence: number;
  /** Unweighted mean of the five dimensions, rounded to two decimals. */
  total_score: number;
  class: QualityClass;
  breakdown: Record<QualityDimension, DimensionScore>;
}

/** Clamps to 0..100 and rounds to two decimals so scores serialise identically everywhere. */
export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

/**
 * Accumulates rule outcomes: each applied rule adds (or removes) points and leaves a reason such
 * as `if_ok missing for a completed span: −40`.
 */
export class ScoreSheet {
  private points: number;
  private readonly reasons: string[] = [];

  constructor(start: number, startReason: string) {
    this.points = start;
    this.reasons.push(`${startReason}: ${start}`);
  }

  apply(points: number, reason: string): void {
    this.points += points;
    this.reasons.push(`${reason}: ${formatPoints(points)}`);
  }

  note(reason: string): void {
    this.reasons.push(reason);
  }

  result(): DimensionScore {
    return { score: clampScore(this.points), reasons: [...this.reasons] };
  }
}

function formatPoints(points: number): string {
  return points < 0 ? `\u2212${-points}` : `+${points}`;
}
