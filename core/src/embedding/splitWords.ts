/** The words of a text as the hashing embedder sees them. */
export interface SplitWords {
  /** Lowercased word parts in reading order; identifiers are split on camelCase and snake_case. */
  parts: string[];
  /** Lowercased whole identifiers that split into two or more parts (`getUserName`, `max_len`). */
  compounds: string[];
}

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const UNDERSCORE = 4;
const OTHER = 0;

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function charClass(code: number, text: string, index: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code === 95) return UNDERSCORE;
  if (code < 128) return OTHER;
  const char = text[index];
  if (!NON_ASCII_WORD.test(char)) return OTHER;
  return char !== char.toLowerCase() ? UPPER : LOWER;
}

/**
 * Whether a new part starts at `i` inside an identifier: lower/digit → Upper (`getUser`, `v2Api`)
 * and the last capital of an acronym before a lowercase letter (`HTMLParser` → html, parser).
 * Digits stay with the letters before them (`sha256`), which keeps version-like names whole.
 */
function startsPart(previous: number, current: number, next: number): boolean {
  if (current !== UPPER) return false;
  if (previous === LOWER || previous === DIGIT) return true;
  return previous === UPPER && next === LOWER;
}

function splitIdentifier(text: string, classes: Uint8Array, start: number, end: number, out: SplitWords): void {
  const before = out.parts.length;
  let partStart = -1;
  for (let i = start; i < end; i++) {
    const current = classes[i - start];
    if (current === UNDERSCORE) {
      if (partStart >= 0) out.parts.push(text.slice(partStart, i).toLowerCase());
      partStart = -1;
      continue;
    }
    const previous = i > start ? classes[i - start - 1] : OTHER;
    const next = i + 1 < end ? classes[i - start + 1] : OTHER;
    if (partStart >= 0 && startsPart(previous, current, next)) {
      out.parts.push(text.slice(partStart, i).toLowerCase());
      partStart = i;
    } else if (partStart < 0) {
      partStart = i;
    }
  }
  if (partStart >= 0) out.parts.push(text.slice(partStart, end).toLowerCase());
  if (out.parts.length - before > 1) out.compounds.push(text.slice(start, end).toLowerCase());
}

/**
 * Splits the first `maxChars` UTF-16 code units of `text` into words: runs of letters, digits and
 * underscores, each split further into identifier parts. Punctuation and spaces only separate.
 */
export function splitWords(text: string, maxChars: number): SplitWords {
  const limit = Math.min(text.length, maxChars);
  const out: SplitWords = { parts: [], compounds: [] };
  const classes = new Uint8Array(limit);
  for (let i = 0; i < limit; i++) classes[i] = charClass(text.charCodeAt(i), text, i);
  let runStart = -1;
  for (let i = 0; i <= limit; i++) {
    const inWord = i < limit && classes[i] !== OTHER;
    if (inWord && runStart < 0) runStart = i;
    if (!inWord && runStart >= 0) {
      splitIdentifier(text, classes.subarray(runStart, i), runStart, i, out);
      runStart = -1;
    }
  }
  return out;
}
