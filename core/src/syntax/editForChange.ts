import { Edit, type Point } from 'web-tree-sitter';

/** A text change: `[start, oldEnd)` of the old text (UTF-16 offsets) is replaced by `newText`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newText: string;
}

/**
 * The tree-sitter edit for a change, to pass to `tree.edit()` before an incremental `parse(…, oldTree)`.
 * Offsets and columns are UTF-16 units, which is what web-tree-sitter uses for JS strings.
 */
export function editForChange(oldText: string, change: TextChange): Edit {
  const { start, oldEnd, newText } = change;
  if (!(start >= 0 && start <= oldEnd && oldEnd <= oldText.length)) {
    throw new TypeError(`A change must satisfy 0 ≤ start ≤ oldEnd ≤ text length (got ${start}, ${oldEnd}, ${oldText.length}).`);
  }
  const startPosition = pointAt(oldText, start);
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: start + newText.length,
    startPosition,
    oldEndPosition: pointAt(oldText, oldEnd),
    newEndPosition: advance(startPosition, newText),
  });
}

/** Applies the change to the text (the new text matching the edit). */
export function applyChange(oldText: string, change: TextChange): string {
  return oldText.slice(0, change.start) + change.newText + oldText.slice(change.oldEnd);
}

function pointAt(text: string, offset: number): Point {
  return advance({ row: 0, column: 0 }, text.slice(0, offset));
}

function advance(from: Point, text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak === -1) return { row: from.row, column: from.column + text.length };
  let rows = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) rows++;
  return { row: from.row + rows, column: text.length - lastBreak - 1 };
}
