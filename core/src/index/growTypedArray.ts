/** The typed arrays the indices grow in place. */
export type GrowableArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * Returns `array` if it already holds `needed` elements, else a copy with 1.5× (at least `needed`) capacity.
 * 1.5× rather than 2× keeps the slack of many small posting lists (one per term) near a third, not a half.
 */
export function ensureCapacity<T extends GrowableArray>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const capacity = Math.max(needed, Math.ceil(array.length * 1.5), 4);
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}

/** A copy holding exactly the first `length` elements (drops growth slack before a long life or a save). */
export function trimmed<T extends GrowableArray>(array: T, length: number): T {
  return length === array.length ? array : (array.slice(0, length) as T);
}
