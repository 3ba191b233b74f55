// Line endings that open a block or a bracketed continuation in C-family languages (TS, JS, Go, Rust, Java).
const BRACKET_OPENERS = /(?:[{([]|=>|->)$/;
// Python opens a block with a trailing colon (`def f():`, `if x:`, `else:`), or continues inside brackets.
const PYTHON_OPENERS = /[:{([]$/;

/**
 * Whether the line before the cursor opens a block, so a multi-line completion makes sense: it ends (ignoring
 * trailing whitespace and a trailing line comment) with `{`, `(`, `[`, `=>` or `->`, or with `:` in Python.
 *
 * Text-based on purpose: it runs on every keystroke and must work on the unfinished line being typed, where a parse
 * tree is mostly error nodes. Its blind spots: a comment marker inside a string (`"http://x" {` is fine, but
 * `s = "a # b:"` hides the `:`), and a Python dict or slice colon at the end of a line (`x = d[a:`), both rare at
 * a line end.
 */
export function opensBlock(languageId: string, lineText: string): boolean {
  const python = languageId === 'python';
  const code = stripLineComment(lineText, python ? '#' : '//').trimEnd();
  return (python ? PYTHON_OPENERS : BRACKET_OPENERS).test(code);
}

/** The line without a trailing comment, skipping comment markers inside simple quoted strings. */
function stripLineComment(line: string, marker: string): string {
  let quote: string | undefined;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (line.startsWith(marker, at)) {
      return line.slice(0, at);
    }
  }
  return line;
}
