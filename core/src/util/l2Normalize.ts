/**
 * Scales `vector` in place to unit Euclidean length and returns it. A zero vector stays zero: it has
 * no direction, and every cosine against it is then 0 rather than NaN.
 */
export function l2NormalizeInPlace(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (let i = 0; i < vector.length; i++) sumOfSquares += vector[i] * vector[i];
  if (sumOfSquares === 0) return vector;
  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let i = 0; i < vector.length; i++) vector[i] *= scale;
  return vector;
}

/** A unit-length copy of `vector`; the input is left untouched. */
export function l2Normalized(vector: ArrayLike<number>): Float32Array {
  return l2NormalizeInPlace(Float32Array.from(vector));
}
