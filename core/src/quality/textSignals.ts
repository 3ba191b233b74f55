/** Small text heuristics shared by the quality dimensions. Pure and language-agnostic. */

const WORD = /[\p{L}\p{N}_]+/gu;

/** Words (letters, digits, underscore), lower-cased. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

const STOP_WORDS = new Set(
  ('a an and are as at be but by can could do does did for from has have how i if in into is it its me my of on or ' +
    'please should so that the their then there these this to was we were what when where which who why will with ' +
    'would you your').split(' '),
);

/** Words that carry meaning: not stop words, at least three characters. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

/** True when a field says nothing: empty, only punctuation, or a placeholder such as `n/a` or `todo`. */
export function isTrivialText(text: string | undefined): boolean {
  if (text === undefined) return true;
  const trimmed = text.trim().toLowerCase();
  if (['', 'n/a', 'na', 'none', 'null', 'undefined', 'todo', 'tbd', '-', '?', '...'].includes(trimmed)) return true;
  return words(trimmed).length === 0;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A text is code-like when it has a fence, or several lines ending in code punctuation. */
export function looksLikeCode(text: string): boolean {
  if (text.includes('```')) return true;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  const codeLines = lines.filter((line) => /[;{}()[\]]\s*$|^\s*(import|export|def|class|function|const|let|return)\b/.test(line));
  return codeLines.length / lines.length >= 0.5;
}

/** A unified diff with at least one hunk header (`@@ -a,b +c,d @@`). */
export function hasDiffHunk(text: string): boolean {
  return /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m.test(text);
}

/** Odd number of ``` fences: a code block was opened and never closed. */
export function hasUnbalancedFence(text: string): boolean {
  return ((text.match(/```/g) ?? []).length) % 2 === 1;
}

/** Ends with an ellipsis (`...` or `…`), the usual mark of output cut by a length limit. */
export function endsWithEllipsis(text: string): boolean {
  return /(\.\.\.|…)\s*$/.test(text);
}

/**
 * Prose of at least two sentences whose last line ends in a letter or digit with no closing punctuation: the
 * writer stopped mid-sentence. Code and lists are exempt because they end without punctuation by nature.
 */
export function endsMidSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  if (looksLikeCode(trimmed) || words(trimmed).length < 12) return false;
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1).trim();
  if (/^([-*+>#|]|\d+[.)])/.test(lastLine)) return false;
  if (!/[.!?]\s/.test(trimmed)) return false;
  return /[\p{L}\p{N},;]$/u.test(lastLine);
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

interface ScanState {
  stack: string[];
  /** Open `"""` or `\'\'\'` string (Python), which may span lines. */
  triple?: string;
}

/**
 * Checks that (), [] and {} nest properly and that quotes close on the line they open, skipping string
 * contents and `//` / `#` comments. A stand-in for a parser until tree-sitter lands: it catches code that
 * was cut off, not every syntax error. Returns the first problem, or undefined when balanced.
 */
export function bracketProblem(code: string): string | undefined {
  const state: ScanState = { stack: [] };
  for (const line of code.split('\n')) {
    const problem = scanLine(line, state);
    if (problem) return problem;
  }
  if (state.triple) return `unterminated ${state.triple} string`;
  return state.stack.length > 0 ? `unclosed '${state.stack[state.stack.length - 1]}'` : undefined;
}

function scanLine(line: string, state: ScanState): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const three = line.slice(i, i + 3);
    if (state.triple) {
      if (three === state.triple) {
        state.triple = undefined;
        i += 2;
      }
      continue;
    }
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (three === '"""' || three === "'''") {
      state.triple = three;
      i += 2;
    } else if (ch === '/' && line[i + 1] === '/') break;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (isQuote(line, i)) quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') state.stack.push(ch);
    else if (ch in PAIRS && state.stack.pop() !== PAIRS[ch]) return `unexpected '${ch}'`;
  }
  // Template literals may span lines, so only an open ' or " on a line is a problem.
  return quote === '"' || quote === "'" ? `unterminated ${quote} string` : undefined;
}

/** An apostrophe after a letter (`don't`) or a Rust lifetime (`&'a`, `<'a`) does not open a string. */
function isQuote(line: string, i: number): boolean {
  const ch = line[i];
  if (ch === '"' || ch === '`') return true;
  return ch === "'" && !/[\p{L}\p{N}&<]/u.test(line[i - 1] ?? ' ');
}

/** The contents of fenced code blocks, or the whole text when it looks like code without fences. */
export function codeBlocks(text: string): string[] {
  const blocks = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (blocks.length > 0) return blocks;
  return looksLikeCode(text) && !hasDiffHunk(text) ? [text] : [];
}
