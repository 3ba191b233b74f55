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
  /**
   * The header lines of the blocks that are open at the window's start, outermost first, each ending in a line break
   * (`class A {\n  run() {\n`), then the opener of a comment or docstring the window starts in; empty when the
   * window starts at top level. Parse `context + prefix + suffix`.
   */
  context: string;
  prefix: string;
  suffix: string;
}

const TRIPLE_QUOTES = ['"""', "'''"];

/**
 * At most the last `prefixLines` lines of the prefix and the first `suffixLines` lines of the suffix.
 *
 * A window cut inside a block comment or a Python triple-quoted string makes the parser read prose as code: dozens
 * of errors and an error recovery ten times slower than a clean parse. So the window's first line moves down past
 * the comment's or string's end when that end is before the cursor line; when it is not (the cursor is in the
 * comment), the opener is put back in `context`. The last line moves up before an opener left unclosed. Delimiters are found textually; one inside a string literal
 * (`'src/**' + '/*.ts'`) can only make the window shorter.
 */
export function cursorWindow(prefix: string, suffix: string, config: CursorWindowConfig = {}): CursorWindow {
  const { prefixLines, suffixLines } = { ...DEFAULT_CURSOR_WINDOW_CONFIG, ...config };
  if (!(prefixLines >= 1) || !(suffixLines >= 1)) {
    throw new TypeError(`Window line counts must be at least 1 (got prefixLines ${prefixLines}, suffixLines ${suffixLines}).`);
  }
  const { start, reopen } = snapStart(prefix, prefixStart(prefix, prefixLines));
  const end = snapEnd(prefix, suffix, suffixEnd(suffix, suffixLines));
  // Inside a comment the code structure around it does not matter; the opener alone makes the text parse as one.
  const context = reopen || enclosingHeaders(prefix, start);
  return { context, prefix: prefix.slice(start), suffix: suffix.slice(0, end) };
}

/**
 * Lines above the window that open the blocks it sits in, found by indentation: going up from the window, each line
 * indented less than everything seen so far (and less than the window's least indented line) is a header. Without
 * them, a candidate that closes a block opened above the window (`}`, a Python `else:`) would be blamed for an error
 * that only the cut causes. Relies on conventional indentation; the cost is one backwards pass over line starts,
 * stopping at the first unindented header.
 */
function enclosingHeaders(prefix: string, start: number): string {
  let threshold = minIndent(prefix, start);
  const headers: string[] = [];
  for (let lineEnd = start - 1; threshold > 0 && lineEnd >= 0; ) {
    // lastIndexOf clamps a negative start to 0, which would find the same break again at the very top.
    const lineStart = lineEnd > 0 ? prefix.lastIndexOf('\n', lineEnd - 1) + 1 : 0;
    const indent = indentAt(prefix, lineStart, lineEnd);
    if (indent !== undefined && indent < threshold) {
      headers.push(prefix.slice(lineStart, lineEnd + 1));
      threshold = indent;
    }
    lineEnd = lineStart - 1;
  }
  return headers.reverse().join('');
}

/** Least indentation among the non-blank lines from `start` to the end of the prefix. */
function minIndent(prefix: string, start: number): number {
  let least = Infinity;
  for (let lineStart = start; lineStart <= prefix.length; ) {
    const next = prefix.indexOf('\n', lineStart);
    const lineEnd = next === -1 ? prefix.length : next;
    const indent = indentAt(prefix, lineStart, lineEnd);
    if (indent !== undefined) least = Math.min(least, indent);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return least === Infinity ? 0 : least;
}

/** Leading spaces and tabs of the line [lineStart, lineEnd), or undefined for a blank line. */
function indentAt(text: string, lineStart: number, lineEnd: number): number | undefined {
  for (let at = lineStart; at < lineEnd; at++) {
    const char = text[at];
    if (char !== ' ' && char !== '\t' && char !== '\r') return at - lineStart;
  }
  return undefined;
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

/**
 * Moves the start past the end of a comment or triple-quoted string it falls in. When that end is not before the
 * cursor line (the cursor is in the comment), the start stays and `reopen` restores the opener in front of it.
 */
function snapStart(prefix: string, start: number): { start: number; reopen: string } {
  const cursorLine = prefix.lastIndexOf('\n') + 1;
  const opener = openerAt(prefix, start);
  if (!opener) return { start, reopen: '' };
  const closer = prefix.indexOf(opener === '/*' ? '*/' : opener, start);
  if (closer !== -1 && closer < cursorLine) return { start: prefix.indexOf('\n', closer) + 1, reopen: '' };
  return { start, reopen: `${opener}\n` };
}

/** The block-comment or triple-quote opener that `start` falls inside, if any. */
function openerAt(prefix: string, start: number): string | undefined {
  if (start > 0 && prefix.lastIndexOf('/*', start) > prefix.lastIndexOf('*/', start - 1)) return '/*';
  return TRIPLE_QUOTES.find((quotes) => occurrences(prefix, quotes, 0, start) % 2 === 1);
}

/**
 * Moves the end out of a comment or triple-quoted string: before the line of one opened in the suffix and not closed
 * in the window, or, when the cursor itself is in one that the window does not close, on to the line of its closer
 * (a comment body is one token, cheap to parse).
 */
function snapEnd(prefix: string, suffix: string, end: number): number {
  const firstLineEnd = suffix.indexOf('\n');
  if (firstLineEnd === -1 || end <= firstLineEnd) return end;
  const cursorOpener = openerAt(prefix, prefix.length);
  const closer = cursorOpener === '/*' ? '*/' : cursorOpener;
  if (closer && suffix.lastIndexOf(closer, end - closer.length) === -1) {
    const closedAt = suffix.indexOf(closer, end);
    return closedAt === -1 ? end : lineEndAfter(suffix, closedAt);
  }
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

function lineEndAfter(text: string, at: number): number {
  const lineEnd = text.indexOf('\n', at);
  return lineEnd === -1 ? text.length : lineEnd;
}

/** Non-overlapping occurrences of `needle` starting in [from, to). */
function occurrences(text: string, needle: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
