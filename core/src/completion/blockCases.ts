import { seededRandom } from '../ports/random';
import { blockBodyLines, indentOf, isBlockOpener, lastNonBlankAtOrBefore } from './blockStructure';
import type { BenchSourceFile, NextLineSamplingConfig } from './nextLineCases';
import { fileSeed, isEligibleTargetLine, lineStarts, pickSorted } from './nextLineCases';
import { scoreLine } from './scoreLine';

/** Most body lines a block case asks for. */
export const BLOCK_CASE_MAX_LINES = 10;

/**
 * One block case: the cursor at the start of the first body line after a block opener, in the editor's situation
 * right after the opener was typed: the body is gone (the cursor's line is empty), what followed the body is the
 * suffix. The target is the body's non-blank lines, whitespace-trimmed, at most BLOCK_CASE_MAX_LINES of them.
 */
export interface BlockCase {
  file: string;
  language: string;
  /** 0-based line of the first body line. */
  line: number;
  prefix: string;
  /** '\n' (the empty cursor line) and everything from the line after the whole body. */
  suffix: string;
  target: string[];
}

/** A body's first line at `i`: right after an opener (blank lines between allowed), deeper than it, worth predicting. */
function opensAt(lines: readonly string[], i: number, language: string): number | undefined {
  if (!isEligibleTargetLine(lines[i])) return undefined;
  const opener = lastNonBlankAtOrBefore(lines, i - 1);
  if (opener < 0 || !isBlockOpener(lines[opener], language) || indentOf(lines[i]) <= indentOf(lines[opener])) return undefined;
  return opener;
}

/** The block cases of one file: up to `perFile` body starts, chosen as the next-line sampler chooses lines. */
export function sampleFileBlockCases(file: BenchSourceFile, config: NextLineSamplingConfig): BlockCase[] {
  const { text } = file;
  const starts = lineStarts(text);
  const lines = starts.map((start, i) => text.slice(start, i + 1 < starts.length ? starts[i + 1] - 1 : text.length).replace(/\r$/, ''));
  const eligible: number[] = [];
  for (let i = 1; i < lines.length; i++) if (opensAt(lines, i, file.language) !== undefined) eligible.push(i);
  const random = seededRandom(fileSeed(config.seed, `block:${file.path}`));
  return pickSorted(eligible, config.perFile, () => random.next()).map((line) => {
    const opener = opensAt(lines, line, file.language) ?? line - 1;
    const body = blockBodyLines(lines, line, indentOf(lines[opener]), lines.length);
    const end = body[body.length - 1] + 1;
    return {
      file: file.path,
      language: file.language,
      line,
      prefix: text.slice(0, starts[line]),
      suffix: '\n' + (end < starts.length ? text.slice(starts[end]) : ''),
      target: body.slice(0, BLOCK_CASE_MAX_LINES).map((i) => lines[i].trim()),
    };
  });
}

/** How right a block prediction is. */
export interface BlockScore {
  /** Every body line right, and no line more or less. */
  blockEm: boolean;
  /** How many of the predicted lines, from the first, are exactly right. */
  linesRight: number;
  firstLineEm: boolean;
  /** Edit similarity of the first line. */
  firstLineEs: number;
  /** Non-blank lines predicted. */
  lines: number;
}

/** Scores a (multi-line) prediction against a block case's target, line by line, whitespace-trimmed, blank lines ignored. */
export function scoreBlock(prediction: string, target: readonly string[]): BlockScore {
  const predicted = prediction.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').slice(0, BLOCK_CASE_MAX_LINES);
  let linesRight = 0;
  while (linesRight < predicted.length && linesRight < target.length && predicted[linesRight] === target[linesRight]) linesRight++;
  const first = scoreLine(predicted[0] ?? '', target[0] ?? '');
  return {
    blockEm: linesRight === target.length && predicted.length === target.length,
    linesRight,
    firstLineEm: first.em,
    firstLineEs: first.es,
    lines: predicted.length,
  };
}
