const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Undoes git's C-style path quoting (`"dir/tab\there\303\251.txt"`): git quotes a path that holds
 * control characters, `"` or `\`, and — unless core.quotepath is off — every non-ASCII byte as
 * octal. Octal escapes are bytes, so the result is rebuilt as UTF-8. Unquoted input is returned as is.
 */
export function unquoteGitPath(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const inner = text.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (char !== '\\' || i + 1 >= inner.length) {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = inner[i + 1];
    const octal = /^[0-7]{3}/.exec(inner.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Length of the quoted token at the start of `text` (including both quotes), or -1. */
function quotedTokenLength(text: string): number {
  if (!text.startsWith('"')) return -1;
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

const stripPrefix = (path: string, prefix: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);

/**
 * The two paths of a `diff --git a/OLD b/NEW` line. Unquoted paths may contain spaces, so the
 * line is ambiguous in general; it is only the fallback for changes without `---`/`+++` or
 * `rename` lines (binary files, mode changes), where both paths are the same and the line splits
 * evenly in the middle.
 */
export function parseDiffGitLine(line: string): { oldPath: string; newPath: string } | undefined {
  const rest = line.slice('diff --git '.length);
  const firstQuoted = quotedTokenLength(rest);
  if (firstQuoted > 0) {
    const oldPath = unquoteGitPath(rest.slice(0, firstQuoted));
    const newPath = unquoteGitPath(rest.slice(firstQuoted + 1));
    return { oldPath: stripPrefix(oldPath, 'a/'), newPath: stripPrefix(newPath, 'b/') };
  }
  const quotedSecond = rest.indexOf(' "b/');
  if (quotedSecond > 0) {
    return { oldPath: stripPrefix(rest.slice(0, quotedSecond), 'a/'), newPath: stripPrefix(unquoteGitPath(rest.slice(quotedSecond + 1)), 'b/') };
  }
  if (rest.length % 2 === 1) {
    const half = (rest.length - 1) / 2;
    const [left, right] = [rest.slice(0, half), rest.slice(half + 1)];
    if (left.startsWith('a/') && right.startsWith('b/') && left.slice(2) === right.slice(2)) {
      return { oldPath: left.slice(2), newPath: right.slice(2) };
    }
  }
  const split = rest.indexOf(' b/');
  if (split < 0) return undefined;
  return { oldPath: stripPrefix(rest.slice(0, split), 'a/'), newPath: rest.slice(split + 3) };
}

/** Path of a `--- a/X` or `+++ b/Y` line; `undefined` for /dev/null. Git adds a tab after names with spaces. */
export function parseFileMarkerPath(line: string): string | undefined {
  let path = line.slice(4);
  if (path.endsWith('\t')) path = path.slice(0, -1);
  if (path === '/dev/null') return undefined;
  path = unquoteGitPath(path);
  return path.startsWith('a/') || path.startsWith('b/') ? path.slice(2) : path;
}
