/**
 * Levenshtein edit distance (insertions, deletions, substitutions, each cost 1) between two sequences: strings
 * (compared by UTF-16 code unit) or arrays (compared with ===, e.g. lists of actions). Two rows of memory.
 */
export function levenshtein<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
  if (typeof a === 'string' && typeof b === 'string') return stringLevenshtein(a, b);
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The same distance for two strings, on the completion hot path (consensus ranking compares every pair of candidate
 * lines): a shared prefix and suffix cost nothing and are skipped, and the rest goes through the bit-parallel
 * algorithm with the shorter rest as the pattern.
 */
function stringLevenshtein(a: string, b: string): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return m;
  if (m === 0) return n;
  // The shorter rest is the pattern: fewer words per text unit.
  return m <= n ? bitParallelDistance(a, start, n, b, start, m) : bitParallelDistance(b, start, m, a, start, n);
}

/** Per code unit, the positions where it occurs in a pattern of one word; cleared after each use. */
const PATTERN_MASKS = new Int32Array(0x10000);

/**
 * Myers' bit-parallel edit distance of text `t[tStart, tStart + n)` and pattern `p[pStart, pStart + m)`: one column of
 * the dynamic programme per text unit, kept as bit vectors of vertical +1/−1 deltas, 32 pattern units per word.
 * Exactly the Levenshtein distance, in O(n · ⌈m / 32⌉) word operations instead of O(n · m).
 */
function bitParallelDistance(t: string, tStart: number, n: number, p: string, pStart: number, m: number): number {
  if (m > 32) return blockedDistance(t, tStart, n, p, pStart, m);
  for (let i = 0; i < m; i++) PATTERN_MASKS[p.charCodeAt(pStart + i)] |= 1 << i;
  const state = { positive: -1, negative: 0 };
  let score = m;
  for (let j = 0; j < n; j++) score += advanceWord(state, PATTERN_MASKS[t.charCodeAt(tStart + j)], 1, 1 << (m - 1));
  for (let i = 0; i < m; i++) PATTERN_MASKS[p.charCodeAt(pStart + i)] = 0;
  return score;
}

/** The same for patterns longer than one word: the words of a column are advanced bottom-up, passing the carry. */
function blockedDistance(t: string, tStart: number, n: number, p: string, pStart: number, m: number): number {
  const words = Math.ceil(m / 32);
  const masks = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = p.charCodeAt(pStart + i);
    const mask = masks.get(code) ?? masks.set(code, new Int32Array(words)).get(code)!;
    mask[i >> 5] |= 1 << (i & 31);
  }
  const states = Array.from({ length: words }, () => ({ positive: -1, negative: 0 }));
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  for (let j = 0; j < n; j++) {
    const mask = masks.get(t.charCodeAt(tStart + j));
    // The first row of the programme grows by one per text unit: +1 enters the lowest word.
    let carry = 1;
    for (let w = 0; w < words; w++) carry = advanceWord(states[w], mask === undefined ? 0 : mask[w], carry, w === words - 1 ? lastBit : 1 << 31);
    score += carry;
  }
  return score;
}

/**
 * One word of a column (Myers 1999, as in edlib): `carryIn` is the horizontal delta (−1, 0, +1) entering the word's
 * lowest row, and the result the delta leaving its row `outBit`. Additions wrap modulo 2^32 once the bit operators
 * truncate them, as the algorithm requires.
 */
function advanceWord(state: { positive: number; negative: number }, match: number, carryIn: number, outBit: number): number {
  const { positive, negative } = state;
  const eq = carryIn < 0 ? match | 1 : match;
  const xv = match | negative;
  const xh = ((((eq & positive) + positive) | 0) ^ positive) | eq;
  let hPositive = negative | ~(xh | positive);
  let hNegative = positive & xh;
  const carryOut = hPositive & outBit ? 1 : hNegative & outBit ? -1 : 0;
  hPositive <<= 1;
  hNegative <<= 1;
  if (carryIn < 0) hNegative |= 1;
  else if (carryIn > 0) hPositive |= 1;
  state.positive = hNegative | ~(xv | hPositive);
  state.negative = hPositive & xv;
  return carryOut;
}

/** 1 − distance / max(length): 1 for equal sequences (including two empty ones), 0 for nothing in common. */
export function levenshteinSimilarity<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
