/**
 * What a line of code does, as the uncertainty map's action for next-line cases: a creature can be good at imports
 * and poor at control flow in the same folder, and the gap report should say which. Keyword-based on purpose: it
 * must work for every language the engine indexes without a parser.
 */
export type LineAction = 'import' | 'declaration' | 'return' | 'control' | 'comment' | 'call' | 'other';

const RULES: readonly (readonly [LineAction, RegExp])[] = [
  ['comment', /^(\/\/|\/\*|\*|#(?!include|!)|--|"""|''')/],
  ['import', /^(import\b|from\s+\S+\s+import\b|export\s+(\*|\{[^}]*\})\s+from\b|#include\b|using\s+[\w.]+;|package\s+[\w.]+;?$|(const|let|var)\s+.*=\s*require\()/],
  ['return', /^(return\b|yield\b|throw\b|raise\b)/],
  ['control', /^(\}\s*)?(if|else|elif|for|while|do|switch|case|default|try|catch|finally|except|with|match|break|continue)\b/],
  ['declaration', /^(export\s+)?(default\s+)?(async\s+)?(const|let|var|function|class|interface|type|enum|def|fn|func|struct|impl|public|private|protected|static|readonly|abstract)\b/],
  ['call', /[\w)\]]\s*\(.*\)\s*;?\s*$/],
];

/** The action of one (trimmed or untrimmed) target line. */
export function lineAction(line: string): LineAction {
  const text = line.trim();
  for (const [action, pattern] of RULES) if (pattern.test(text)) return action;
  return 'other';
}
