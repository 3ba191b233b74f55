/** Line-comment starters by language: suggestions there are skipped unless arenalab.suggestInComments is on. */
const LINE_COMMENT: Record<string, string> = {
  typescript: '//', typescriptreact: '//', javascript: '//', javascriptreact: '//', go: '//', rust: '//', java: '//',
  python: '#',
};

/**
 * Whether the cursor sits in a comment, judged from the text before it on the same line: a line comment starter
 * outside a string, or a line that starts a block comment (`/*`, ` * `). A cheap heuristic, enough to keep ghost
 * text out of prose; the server's syntax layer is the precise judge.
 */
export function inComment(languageId: string, linePrefix: string): boolean {
  const marker = LINE_COMMENT[languageId];
  if (!marker) return false;
  const trimmed = linePrefix.trimStart();
  if (marker === '//' && (trimmed.startsWith('/*') || trimmed.startsWith('* ') || trimmed === '*')) return true;
  let quote: string | undefined;
  for (let i = 0; i < linePrefix.length; i++) {
    const ch = linePrefix[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (linePrefix.startsWith(marker, i)) {
      return true;
    }
  }
  return false;
}
