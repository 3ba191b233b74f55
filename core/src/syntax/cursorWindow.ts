/** How much text around the cursor the candidate check parses. */
export interface CursorWindowConfig {
  /**
   * Lines of the prefix kept before the cursor (the cursor's own partial line included).
   * Bounds: ≥ 1. @default 60
   */
  prefixLines?: number;
  /**
   * Lines of the suffix kept after the cursor (the rest of the cursor's line included).
   * Bounds: ≥ 1. @default 30
   */
  suffixLines?: number;
}

export const DEFAULT_CURSOR_WINDOW_CONFIG: Required<CursorWindowConfig> = {
  prefixLines: 60,
  suffixLines: 30,
};

export interface CursorWindow {
  prefix: string;
  suffix: string;
}

const TRIPLE_QUOTES = ['"""', "'''"];

/**
 * At most the last `prefixLines` lines of the prefix and the first `suffixLines` lines of the suffix.
 *
 * A window cut inside a block comment or a Python triple-quoted string makes the parser read prose as code: dozens
 * of errors and an error recovery ten times slower than a clean parse. So the window's first line moves down past
 * the comment's or string's end (when that end is inside the window, and never past the cursor line), and its last
 * line moves up before an opener left unclosed. Delimiters are found textually; one inside a string literal
 * (`'src/**' + '/*.ts'`) can only make the window shorter.
 */
export function cursorWindow(prefix: string, suffix: string, config: CursorWindowConfig = {}): CursorWindow {
  const { prefixLines, suffixLines } = { ...DEFAULT_CURSOR_WINDOW_CONFIG, ...config };
  if (!(prefixLines >= 1) || !(suffixLines >= 1)) {
    throw new TypeError(`Window line counts must be at least 1 (got prefixLines ${prefixLines}, suffixLines ${suffixLines}).`);
  }
  const start = snapStart(prefix, prefixStart(prefix, prefixLines));
  const end = snapEnd(prefix, suffix, suffixEnd(suffix, suffixLines));
  return { prefix: prefix.slice(start), suffix: suffix.slice(0, end) };
}

function prefixStart(prefix: string, lines: number): number {
  // `cut` ends on the line break before the kept lines, or -1 when every prefix line is kept.
  let cut = prefix.length;
  for (let kept = 0; kept < lines && cut !== -1; kept++) cut = cut > 0 ? prefix.lastIndexOf('\n', cut - 1) : -1;
  return cut + 1;
}

function suffixEnd(suffix: string, lines: number): number {
  let end = -1;
  for (let kept = 0; kept < lines; kept++) {
    end = suffix.indexOf('\n', end + 1);
    if (end === -1) return suffix.length;
  }
  return end;
}

/** Moves the start past the end of a comment or triple-quoted string it falls in. */
function snapStart(prefix: string, start: number): number {
  const cursorLine = prefix.lastIndexOf('\n') + 1;
  if (start >= cursorLine) return start;
  let closer = -1;
  if (prefix.lastIndexOf('/*', start) > prefix.lastIndexOf('*/', start - 1)) closer = prefix.indexOf('*/', start);
  for (const quotes of TRIPLE_QUOTES) {
    if (closer === -1 && occurrences(prefix, quotes, 0, start) % 2 === 1) closer = prefix.indexOf(quotes, start);
  }
  if (closer === -1 || closer >= cursorLine) return start;
  const lineEnd = prefix.indexOf('\n', closer);
  return lineEnd === -1 || lineEnd + 1 > cursorLine ? start : lineEnd + 1;
}

/** Moves the end before the line of a comment or triple-quoted string opened in the suffix and not closed there. */
function snapEnd(prefix: string, suffix: string, end: number): number {
  const firstLineEnd = suffix.indexOf('\n');
  if (firstLineEnd === -1 || end <= firstLineEnd) return end;
  let opener = -1;
  const open = suffix.lastIndexOf('/*', end - 2);
  if (open > firstLineEnd && open > suffix.lastIndexOf('*/', end - 2)) opener = open;
  for (const quotes of TRIPLE_QUOTES) {
    const last = suffix.lastIndexOf(quotes, end - quotes.length);
    const before = occurrences(prefix, quotes, 0, prefix.length) + occurrences(suffix, quotes, 0, end);
    if (opener === -1 && last > firstLineEnd && before % 2 === 1) opener = last;
  }
  return opener === -1 ? end : suffix.lastIndexOf('\n', opener);
}

/** Non-overlapping occurrences of `needle` starting in [from, to). */
function occurrences(text: string, needle: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
