/**
 * An outcome as a sentence to quote inside a longer answer: whitespace collapsed, cut at a word boundary after at
 * most `maxChars` characters (marked with `…`), and ended with a full stop when it has no final punctuation.
 */
export function quoteOutcome(text: string, maxChars: number): string {
  let sentence = text.replace(/\s+/g, ' ').trim();
  if (sentence.length > maxChars) {
    const cut = sentence.slice(0, maxChars);
    const boundary = cut.lastIndexOf(' ');
    return `${(boundary > maxChars / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.]+$/, '')}…`;
  }
  if (!/[.!?…)"'`]$/.test(sentence)) sentence += '.';
  return sentence;
}

/** A share as a whole percentage (`0.625` → `63%`). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `1 case` / `3 cases`. */
export function cases(count: number): string {
  return `${count} ${count === 1 ? 'case' : 'cases'}`;
}
