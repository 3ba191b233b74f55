import { levenshteinSimilarity } from '../util/levenshtein';

/** How well one predicted line matches the target line. */
export interface LineScore {
  /** Exact match after trimming whitespace at both ends. */
  em: boolean;
  /** Edit similarity 1 − Levenshtein / max(length), on the trimmed strings; 1 when both are empty. */
  es: number;
}

/** Scores a whole-line prediction against its target, both whitespace-trimmed, so indentation differences are not counted as misses. */
export function scoreLine(prediction: string, target: string): LineScore {
  const p = prediction.trim();
  const t = target.trim();
  return { em: p === t, es: levenshteinSimilarity(p, t) };
}
