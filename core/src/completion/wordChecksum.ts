/**
 * A 64-bit checksum (two 32-bit lanes) of 32-bit words, for saved completion indexes of a hundred megabytes and more:
 * it only has to catch torn or flipped bytes, not tampering, and one multiply per word per lane runs several times
 * faster in plain JS than a byte-wise CRC-32 (which would be a good part of the warm-start budget).
 */
export function wordChecksum(words: Uint32Array): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    a = Math.imul(a ^ w, 0x01000193);
    a ^= a >>> 13;
    b = Math.imul(b + w, 0x85ebca6b) + i;
    b ^= b >>> 16;
  }
  return [a >>> 0, b >>> 0];
}
