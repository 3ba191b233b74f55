import type { TrackedText } from './trackedText';

/**
 * Characters that render as nothing (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls,
 * variation selectors …): inside a key they split it for a pattern while a reader, or a copy-paste, sees it whole.
 */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const NON_ASCII = /[^\x00-\x7f]/gu;
/** The same test without the `u` flag, several times faster on the common all-ASCII text. */
const ANY_NON_ASCII = /[^\x00-\x7f]/;

/** What detection sees in place of one non-ASCII character: nothing, its NFKC form, or itself. */
function detectionForm(char: string): string {
  if (IGNORABLE.test(char)) return '';
  return char.normalize('NFKC');
}

/**
 * The text a detector should read: ignorable characters removed and each character replaced by its NFKC
 * compatibility form (full-width `ＡＫＩＡ` → `AKIA`, `ﬁ` → `fi`), with the original range of every unit.
 * Character by character rather than NFKC of the whole text, so each output unit maps to exactly one input
 * character. Plain ASCII, or text whose every character is already in that form, comes back untracked.
 */
export function normalizeForDetection(text: string): TrackedText {
  if (!ANY_NON_ASCII.test(text)) return { text };
  NON_ASCII.lastIndex = 0;
  const changes: { at: number; width: number; form: string }[] = [];
  for (let match = NON_ASCII.exec(text); match !== null; match = NON_ASCII.exec(text)) {
    const form = detectionForm(match[0]);
    if (form !== match[0]) changes.push({ at: match.index, width: match[0].length, form });
  }
  if (changes.length === 0) return { text };
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let copied = 0;
  const keep = (upTo: number) => {
    out += text.slice(copied, upTo);
    for (let i = copied; i < upTo; i++) {
      start.push(i);
      end.push(i + 1);
    }
  };
  for (const change of changes) {
    keep(change.at);
    out += change.form;
    for (let k = 0; k < change.form.length; k++) {
      start.push(change.at);
      end.push(change.at + change.width);
    }
    copied = change.at + change.width;
  }
  keep(text.length);
  return {
    text: out,
    origin: { start: Int32Array.from(start), end: Int32Array.from(end), marker: new Int32Array(out.length), markers: 0 },
  };
}
