/**
 * Hash of the `length` token ids that end just before `end` in `tokens` (an FNV-1a style mix over 32-bit ids),
 * truncated to 29 bits so that hash × 2^24 + line reference stays an exact integer in a float64 sort key.
 * Collisions are harmless: every match is verified against the tokens themselves.
 */
export const HASH_BITS = 29;
const HASH_MASK = (1 << HASH_BITS) - 1;

export function contextHash(tokens: Int32Array, end: number, length: number): number {
  let hash = 0x811c9dc5 ^ length;
  for (let i = end - length; i < end; i++) {
    hash = Math.imul(hash ^ tokens[i], 0x01000193);
    hash ^= hash >>> 15;
  }
  return (hash >>> 0) & HASH_MASK;
}

/**
 * How many tokens before `aEnd` in `a` equal those before `bEnd` in `b`, up to `max`: the length of the shared context.
 * Ids are compared as they are: request-local ids (negative) only ever equal other request-local ids.
 */
export function sharedSuffixLength(a: Int32Array, aEnd: number, b: Int32Array, bEnd: number, max: number): number {
  let n = 0;
  while (n < max && aEnd - n > 0 && bEnd - n > 0) {
    if (a[aEnd - n - 1] !== b[bEnd - n - 1]) break;
    n++;
  }
  return n;
}
