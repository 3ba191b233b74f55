import { DimensionMismatchError } from './dimensionMismatchError';

/**
 * Cosine of the angle between `a` and `b`, in [-1, 1]. Works on unnormalised vectors too; when
 * either is a zero vector the result is 0 (no direction means no similarity), never NaN.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new DimensionMismatchError(a.length, b.length, 'cosineSimilarity');
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  if (normA === 0 || normB === 0) return 0;
  const cosine = dot / Math.sqrt(normA * normB);
  // Rounding can push parallel vectors a hair past ±1.
  return Math.max(-1, Math.min(1, cosine));
}
