import type { CompletionEngineConfig } from './completionEngineConfig';
import { adaptLine } from './findShapeOccurrences';
import { blockBodyLines, indentOf, isBlockOpener, lastNonBlankAtOrBefore } from './blockStructure';
import type { Occurrence } from './occurrence';
import { occurrenceWeight } from './voteContinuations';
import type { VotedContinuation } from './voteContinuations';

/** A body line after the first, as its best supporting place wrote it (renamed when the place was). */
export interface BlockLine {
  /** The line with the source's indentation. */
  source: string;
  /** The source's line before it, for relative indentation. */
  sourcePrevious: string;
}

/** A body line after the first, as its best supporting place wrote it (renamed when the place was). */
export interface AgreedLine extends BlockLine {
  /** Share of the vote weight of the places still agreeing on the block so far that wrote this line here. */
  share: number;
  /** How many places agree on the block up to this line. */
  count: number;
  /** Those places, longest context first. */
  occurrences: Occurrence[];
}

interface Supporter {
  occurrence: Occurrence;
  weight: number;
  /** The place's body lines, the first (the voted line) included, adapted to the request's names. */
  body: string[];
}

/** The body that followed a place, from its first line to its block's end (at most `max` non-blank lines). */
function bodyAt(occurrence: Occurrence, max: number): string[] {
  const lines = occurrence.sourceLines;
  const first = occurrence.sourceIndex;
  if (lines === undefined || first === undefined) return [occurrence.line];
  const opener = lastNonBlankAtOrBefore(lines, first - 1);
  if (opener < 0) return [occurrence.line];
  const indices = blockBodyLines(lines, first, indentOf(lines[opener]), max);
  if (indices[0] !== first) return [occurrence.line];
  const renames = occurrence.renames;
  return indices.map((i, k) => (k === 0 ? occurrence.line : renames ? adaptLine(lines[i], renames) : lines[i]));
}

const END = '\u0000end';

/** The heaviest next line among the supporters (END when most of them stop here), with its share and supporters. */
function nextLineVote(supporters: readonly Supporter[], k: number): { text: string; share: number; members: Supporter[] } {
  const groups = new Map<string, { weight: number; members: Supporter[] }>();
  let total = 0;
  for (const s of supporters) {
    const text = s.body[k]?.trim() ?? END;
    const group = groups.get(text) ?? { weight: 0, members: [] };
    group.weight += s.weight;
    group.members.push(s);
    groups.set(text, group);
    total += s.weight;
  }
  let best: [string, { weight: number; members: Supporter[] }] | undefined;
  for (const entry of groups) if (best === undefined || entry[1].weight > best[1].weight) best = entry;
  if (best === undefined || total <= 0) return { text: END, share: 0, members: [] };
  return { text: best[0], share: best[1].weight / total, members: best[1].members };
}

/**
 * The rest of the block after a winning first line, agreed on line by line by the places that voted for it: each
 * next line is the one most of the still-agreeing places (by vote weight) wrote there; the places that wrote
 * something else drop out, and the agreement stops where most of them end their block, where no line wins at least
 * `blockLineAgreement` of the weight, or where fewer than two places are left agreeing (one place agrees with itself:
 * that is a copy, not a vote, and the line-by-line search weighs it better).
 */
export function agreedBlock(winner: VotedContinuation, maxLines: number, config: CompletionEngineConfig): AgreedLine[] {
  let supporters: Supporter[] = winner.occurrences.map((occurrence) => ({
    occurrence,
    weight: occurrenceWeight(occurrence, config),
    body: bodyAt(occurrence, maxLines),
  }));
  const lines: AgreedLine[] = [];
  for (let k = 1; k < maxLines; k++) {
    const vote = nextLineVote(supporters, k);
    if (vote.text === END || vote.share < config.blockLineAgreement || vote.members.length < 2) break;
    supporters = vote.members;
    const best = supporters[0];
    lines.push({ source: best.body[k], sourcePrevious: best.body[k - 1], share: vote.share, count: supporters.length, occurrences: supporters.map((s) => s.occurrence) });
  }
  return lines;
}

/**
 * The opener of the block whose body the cursor is writing, when the rest of that body is still to be written:
 * nothing typed on the cursor's line, the nearest non-blank line before it opens a block (the body is empty) or sits
 * inside one opened further up (the body so far: a block accepted line by line continues), and the next non-blank
 * line, if any, is no deeper than the opener (its closing bracket, a dedent, the end of the document). Returns the
 * opener's line index in `before`, or undefined.
 */
export function openBodyOpener(language: string, before: readonly string[], typed: string, rest: string, after: readonly string[]): number | undefined {
  if (typed.trim() !== '' || rest.trim() !== '') return undefined;
  const last = lastNonBlankAtOrBefore(before, before.length - 1);
  if (last < 0) return undefined;
  let opener = last;
  if (!isBlockOpener(before[last], language)) {
    const depth = indentOf(before[last]);
    opener = before.length;
    for (let i = last - 1; i >= 0 && opener === before.length; i--) if (before[i].trim() !== '' && indentOf(before[i]) < depth) opener = i;
    if (opener === before.length || !isBlockOpener(before[opener], language)) return undefined;
  }
  const next = after.find((line) => line.trim() !== '');
  return next === undefined || indentOf(next) <= indentOf(before[opener]) ? opener : undefined;
}
