import type { SourcePosition, SourceRange } from './completionTypes';

function indentation(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** A deeper-indentation step written in the request's style: tabs stay tabs, spaces stay spaces (one level each). */
function inStyleOf(base: string, step: string): string {
  if (step === '') return step;
  if (base.includes('\t') && !step.includes('\t')) return '\t';
  if (base.startsWith(' ') && step.includes('\t')) return ' '.repeat(4 * step.length);
  return step;
}

/**
 * Indentation for a copied line: keep the source's indentation step relative to its previous line (one level deeper
 * after an opening line, the same otherwise) and apply that step to the request's previous line, so code copied from
 * a file indented with tabs or at another depth lands where it belongs.
 */
export function adaptIndentation(sourceLine: string, sourcePrevious: string, requestPrevious: string): string {
  const source = indentation(sourceLine);
  const sourceBase = indentation(sourcePrevious);
  const base = indentation(requestPrevious);
  if (source.startsWith(sourceBase)) return base + inStyleOf(base, source.slice(sourceBase.length));
  // The source dedented: drop as many columns from the request's indentation as the source dropped.
  const drop = sourceBase.length - source.length;
  return base.slice(0, Math.max(0, base.length - drop));
}

/**
 * What to insert and which range it replaces. When the user has typed only whitespace on the line, the whole line
 * (indentation included) replaces it; otherwise only the rest after what was typed is inserted at the cursor.
 */
export function insertionFor(
  continuation: string,
  typed: string,
  cursor: SourcePosition,
  indent: string,
): { text: string; range: SourceRange } {
  if (typed.trim() === '') {
    return { text: indent + continuation, range: { start: { line: cursor.line, character: 0 }, end: cursor } };
  }
  const rest = continuation.slice(typed.trimStart().length);
  return { text: rest, range: { start: cursor, end: cursor } };
}
