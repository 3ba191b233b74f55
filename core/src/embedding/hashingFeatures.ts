import { FeatureCounter } from './featureCounter';
import { BIGRAM_SEED, CHAR_GRAM_SEED, WORD_SEED, fmix32, fnv1aStep, fnv1aString } from './featureHash';
import { splitWords } from './splitWords';

/** What the hashing embedder extracts from a text; see `HashingEmbedderConfig` for the meanings. */
export interface FeatureSettings {
  minCharGram: number;
  maxCharGram: number;
  maxChars: number;
  wordBigrams: boolean;
}

const SPACE = 0x20;

/**
 * Character n-grams of `word` padded with one space on each side (so prefixes and suffixes are
 * features of their own, as in fastText), hashed incrementally: every start position extends one
 * running hash instead of slicing a substring per n-gram.
 */
function pushCharGrams(word: string, settings: FeatureSettings, out: FeatureCounter): void {
  const paddedLength = word.length + 2;
  for (let start = 0; start + settings.minCharGram <= paddedLength; start++) {
    let hash = CHAR_GRAM_SEED;
    const end = Math.min(paddedLength, start + settings.maxCharGram);
    for (let i = start; i < end; i++) {
      const code = i === 0 || i === paddedLength - 1 ? SPACE : word.charCodeAt(i - 1);
      hash = fnv1aStep(hash, code);
      if (i - start + 1 >= settings.minCharGram) out.push(fmix32(hash));
    }
  }
}

/**
 * Appends the mixed 32-bit hashes of every feature occurrence in `text` to `out`: word parts,
 * whole compound identifiers, bigrams of consecutive parts and character n-grams of each part.
 * Only the first `maxChars` code units are read.
 */
export function collectFeatureHashes(text: string, settings: FeatureSettings, out: FeatureCounter): void {
  const { parts, compounds } = splitWords(text, settings.maxChars);
  let previousWordHash = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    out.push(fmix32(fnv1aString(WORD_SEED, part)));
    if (settings.wordBigrams && p > 0) {
      out.push(fmix32(fnv1aString(fnv1aStep(previousWordHash, SPACE), part)));
    }
    previousWordHash = fnv1aString(BIGRAM_SEED, part);
    pushCharGrams(part, settings, out);
  }
  for (const compound of compounds) out.push(fmix32(fnv1aString(WORD_SEED, compound)));
}
