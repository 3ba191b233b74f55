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
 * lines): a shared prefix and suffix cost nothing and are skipped, a rest of at most 32 code units on either side
 * goes through the bit-parallel algorithm, and otherwise code units are compared as numbers rather than as
 * one-character strings.
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
  if (m <= 32) return bitParallelDistance(a, start, n, b, start, m);
  if (n <= 32) return bitParallelDistance(b, start, m, a, start, n);
  let previous = new Uint32Array(m + 1);
  let current = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    const ai = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= m; j++) {
      const substitution = previous[j - 1] + (ai === b.charCodeAt(start + j - 1) ? 0 : 1);
      const edit = Math.min(previous[j], current[j - 1]) + 1;
      current[j] = substitution < edit ? substitution : edit;
    }
    [previous, current] = [current, previous];
  }
  return previous[m];
}

/** Per code unit, the positions where it occurs in the current pattern; cleared after each use. */
const PATTERN_MASKS = new Int32Array(0x10000);

/**
 * Myers' bit-parallel edit distance (in Hyyrö's formulation) of text `t[tStart, tStart + n)` and a pattern
 * `p[pStart, pStart + m)` of at most 32 code units: one column of the dynamic programme per text unit, kept as bit
 * vectors of vertical +1/−1 deltas. Exactly the Levenshtein distance, in O(n) word operations instead of O(n·m).
 */
function bitParallelDistance(t: string, tStart: number, n: number, p: string, pStart: number, m: number): number {
  for (let i = 0; i < m; i++) PATTERN_MASKS[p.charCodeAt(pStart + i)] |= 1 << i;
  const last = 1 << (m - 1);
  let positive = -1;
  let negative = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const eq = PATTERN_MASKS[t.charCodeAt(tStart + j)];
    const xv = eq | negative;
    // Additions wrap modulo 2^32 once the bit operators truncate them, as the algorithm requires.
    const xh = ((((eq & positive) + positive) | 0) ^ positive) | eq;
    let hPositive = negative | ~(xh | positive);
    let hNegative = positive & xh;
    if (hPositive & last) score++;
    else if (hNegative & last) score--;
    // The first row of the programme grows by one per text unit, so a +1 enters at the bottom.
    hPositive = (hPositive << 1) | 1;
    hNegative <<= 1;
    positive = hNegative | ~(xv | hPositive);
    negative = hPositive & xv;
  }
  for (let i = 0; i < m; i++) PATTERN_MASKS[p.charCodeAt(pStart + i)] = 0;
  return score;
}

/** 1 − distance / max(length): 1 for equal sequences (including two empty ones), 0 for nothing in common. */
export function levenshteinSimilarity<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
