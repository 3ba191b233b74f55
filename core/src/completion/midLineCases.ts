import { seededRandom } from '../ports/random';
import type { NextLineCase } from './nextLineCases';
import { lineTokenSpans } from './tokenStream';

/**
 * One mid-line case: the developer has typed the line up to a token boundary (`typed`, indentation included); the
 * engine sees the document up to the cursor and, after it, only the following lines (the rest of the line is what
 * it must predict: `target`, trimmed).
 */
export interface MidLineCase extends NextLineCase {
  /** What was typed on the target line before the cursor. */
  typed: string;
}

/** Share of the target line (its non-indentation characters) within which the cursor is placed. */
export const MID_LINE_SPAN = 0.6;

function caseSeed(seed: number, file: string, line: number): number {
  let hash = (0x9e3779b9 ^ seed ^ Math.imul(line + 1, 0x85ebca6b)) >>> 0;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The mid-line case of a next-line case: the cursor at a seeded token boundary (the end of a token) within the first
 * 60 % of the line's text, so at least one token is typed and at least one is left. `undefined` when the line has
 * no such boundary (a single token). `line` is the target line as written (with its indentation).
 */
export function midLineCase(next: NextLineCase, line: string, seed: number): MidLineCase | undefined {
  const indent = line.length - line.trimStart().length;
  const textEnd = line.trimEnd().length;
  const limit = indent + MID_LINE_SPAN * (textEnd - indent);
  const boundaries = lineTokenSpans(line)
    .map(([, end]) => end)
    .filter((end) => end <= limit && end < textEnd);
  if (boundaries.length === 0) return undefined;
  const cut = boundaries[Math.floor(seededRandom(caseSeed(seed, next.file, next.line)).next() * boundaries.length)];
  const typed = line.slice(0, cut);
  return { ...next, prefix: next.prefix + typed, suffix: '\n' + next.suffix, typed, target: line.slice(cut).trim() };
}
