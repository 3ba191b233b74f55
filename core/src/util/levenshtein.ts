/**
 * Levenshtein edit distance (insertions, deletions, substitutions, each cost 1) between two sequences: strings
 * (compared by UTF-16 code unit) or arrays (compared with ===, e.g. lists of actions). Two rows of memory.
 */
export function levenshtein<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
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

/** 1 − distance / max(length): 1 for equal sequences (including two empty ones), 0 for nothing in common. */
export function levenshteinSimilarity<T>(a: ArrayLike<T> | string, b: ArrayLike<T> | string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
