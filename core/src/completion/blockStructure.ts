import { opensBlock } from '../syntax/opensBlock';

/**
 * Where blocks open and end, from the text alone: no grammar, so every language gets the same rules. A block opens
 * on a line ending in an opening bracket, `=>`, Python's `:`, or a keyword that opens a body in languages without
 * braces (`def`, `do`, `then`, …); it ends at the first non-blank line indented no deeper than its opener
 * (a dedent, or the closing `}` written at the opener's depth) or at the bracket that closes the opener.
 */

/** Line endings that open a body without a bracket (Ruby, Lua, shell): `do`, `do |x|`, `then`, `else`, `begin`. */
const KEYWORD_END = /(?:\bdo(?:\s*\|[^|]*\|)?|\bthen|\belse|\bbegin)\s*$/;
/** Lines that open a body without a bracket: a Ruby, Lua, Elixir or shell-style signature or control line. */
const KEYWORD_OPENER = /^(?:def|class|module|function|local function|fn|func|if|unless|elif|elsif|while|until|for|case|begin)\b/;
/** Line comments that may trail an opener (`if x:  # why`). */
const TRAILING_COMMENT = /\s+(?:#|\/\/)(?!.*["'`]).*$/;

export function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/**
 * Whether `line` opens a block whose body starts on the next line: the brackets, `=>` and Python's `:` of
 * syntax's `opensBlock`, or a keyword opener of a language without braces.
 */
export function isBlockOpener(line: string, languageId: string): boolean {
  if (opensBlock(languageId, line)) return true;
  const code = line.replace(TRAILING_COMMENT, '').trim();
  return code !== '' && (KEYWORD_END.test(code) || KEYWORD_OPENER.test(code));
}

/** String literals blanked out, so brackets inside them are not counted (one line at a time; good enough). */
function withoutStrings(line: string): string {
  return line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
}

const OPEN = '([{';
const CLOSE = ')]}';

/**
 * How the bracket depth changes over a line, and the lowest depth reached on the way relative to its start
 * (negative when the line closes a bracket opened before it).
 */
export function bracketDelta(line: string): { delta: number; lowest: number } {
  let depth = 0;
  let lowest = 0;
  for (const ch of withoutStrings(line)) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) lowest = Math.min(lowest, --depth);
  }
  return { delta: depth, lowest };
}

/**
 * The indices of the body lines of the block whose first body line is `lines[first]`, opened by a line indented
 * `openerIndent`: from `first` while lines stay deeper than the opener and no line closes the opener's bracket, at
 * most `max` non-blank lines. Blank lines inside the body are skipped (they are not suggested). Empty when the first
 * line is not deeper than the opener: then what follows there is not a body.
 */
export function blockBodyLines(lines: readonly string[], first: number, openerIndent: number, max: number): number[] {
  const body: number[] = [];
  let depth = 0;
  for (let i = first; i < lines.length && body.length < max; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (indentOf(line) <= openerIndent) break;
    const { delta, lowest } = bracketDelta(line);
    if (depth + lowest < 0) break;
    depth += delta;
    body.push(i);
  }
  return body;
}

/**
 * The brackets a text leaves open, closed in order (`foo(() => {` → `})`): what the parse check appends to a block
 * cut short, so that only errors the lines themselves make are counted, not the end still to be written.
 */
export function closingBrackets(text: string): string {
  const open: string[] = [];
  for (const ch of withoutStrings(text)) {
    const at = OPEN.indexOf(ch);
    if (at >= 0) open.push(CLOSE[at]);
    else if (CLOSE.includes(ch) && open[open.length - 1] === ch) open.pop();
  }
  return open.reverse().join('');
}

/** The nearest non-blank line at or before `index`, or -1. */
export function lastNonBlankAtOrBefore(lines: readonly string[], index: number): number {
  for (let i = index; i >= 0; i--) if (lines[i].trim() !== '') return i;
  return -1;
}
