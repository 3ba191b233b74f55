/**
 * 32-bit FNV-1a over UTF-16 code units, split into a seed and a per-code-unit step so that callers
 * can hash n-grams incrementally without allocating substrings. Distinct seeds keep the feature
 * kinds (word, bigram, character n-gram) apart: the word "abc" and the trigram "abc" differ.
 */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Seeds per feature kind: the FNV offset basis xor a fixed tag. */
export const WORD_SEED = (FNV_OFFSET_BASIS ^ 0x57) >>> 0;
export const BIGRAM_SEED = (FNV_OFFSET_BASIS ^ 0x42) >>> 0;
export const CHAR_GRAM_SEED = (FNV_OFFSET_BASIS ^ 0x43) >>> 0;

/** One FNV-1a step: xor the code unit in, multiply by the FNV prime (mod 2^32). */
export function fnv1aStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME) >>> 0;
}

/** FNV-1a of a whole string, continuing from `seed`. */
export function fnv1aString(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return hash;
}

/**
 * MurmurHash3's 32-bit finaliser. FNV-1a's low bits mix poorly for short inputs, and the bucket
 * (low bits) and the sign (top bit) must look independent, so every feature hash passes through it.
 */
export function fmix32(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
