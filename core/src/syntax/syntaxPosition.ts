import type { Point } from 'web-tree-sitter';

/**
 * A position in a document: 0-based line and UTF-16 character offset, as in LSP (and as `SourcePosition` in
 * completion). web-tree-sitter parses JS strings as UTF-16, so its columns are UTF-16 offsets too and convert 1:1.
 */
export interface SyntaxPosition {
  line: number;
  character: number;
}

export function toPoint(position: SyntaxPosition): Point {
  return { row: position.line, column: position.character };
}

/** Negative when `a` is before `b`, zero when equal, positive after. */
export function comparePoints(a: Point, b: Point): number {
  return a.row !== b.row ? a.row - b.row : a.column - b.column;
}

/** The position just after `text`, e.g. the cursor after a prefix. */
export function positionAfter(text: string): SyntaxPosition {
  const lastBreak = text.lastIndexOf('\n');
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) line++;
  return { line, character: text.length - lastBreak - 1 };
}
