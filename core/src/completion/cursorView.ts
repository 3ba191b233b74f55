import type { CompletionRequest, SourcePosition } from './completionTypes';
import { splitLines } from './continuationIndex';

/** The request split at the cursor: full lines before it, what was typed on its line, and the lines after it. */
export interface CursorView {
  before: string[];
  typed: string;
  /** The rest of the cursor's line, after the cursor. */
  rest: string;
  after: string[];
  position: SourcePosition;
}

export function cursorView(request: CompletionRequest): CursorView {
  const prefixLines = splitLines(request.prefix);
  const typed = prefixLines.pop() ?? '';
  const suffixLines = splitLines(request.suffix);
  const position = request.position ?? { line: prefixLines.length, character: typed.length };
  return { before: prefixLines, typed, rest: suffixLines[0] ?? '', after: suffixLines.slice(1), position };
}
