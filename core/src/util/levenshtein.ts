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
 * lines): a shared prefix and suffix cost nothing and are skipped, and code units are compared as numbers rather than
 * as one-character strings.
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

/** 1 − distance / max(length): 1 for equal sequences (including two empty ones), 0 for nothing in common. */
export function levenshteinSimilarity<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
