/**
 * Shannon entropy of a string in bits per character (UTF-16 code unit), from the frequency of
 * each distinct character. 0 for an empty or constant string; at most log2(length).
 * Random base64 of 20+ characters scores about 4 or more, English words and identifiers about 3.
 */
export function shannonEntropy(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
