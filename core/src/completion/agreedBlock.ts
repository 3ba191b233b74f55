import type { CompletionEngineConfig } from './completionEngineConfig';
import { completionConfidence } from './completionConfidence';
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

/** The lines agreed on after a winning first line, and the confidence of the block up to each of them. */
export interface AgreedBlock {
  lines: BlockLine[];
  /** `confidences[k]`: confidence that the first line and `lines[0..k]` are all right; non-increasing. */
  confidences: number[];
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
 * something else drop out, and the block stops where most of them end theirs, or where no line wins at least
 * `blockLineAgreement` of the weight. The confidence of the block up to a line is the engine's one confidence
 * formula over the places that agree on all of it: the first line's share times each later line's share, their
 * number, their longest context, times `blockLineDecay` per extra line.
 */
export function agreedBlock(winner: VotedContinuation, maxLines: number, config: CompletionEngineConfig): AgreedBlock {
  let supporters: Supporter[] = winner.occurrences.map((occurrence) => ({
    occurrence,
    weight: occurrenceWeight(occurrence, config),
    body: bodyAt(occurrence, maxLines),
  }));
  const lines: BlockLine[] = [];
  const confidences: number[] = [];
  let share = winner.share;
  for (let k = 1; k < maxLines; k++) {
    const vote = nextLineVote(supporters, k);
    if (vote.text === END || vote.share < config.blockLineAgreement) break;
    supporters = vote.members;
    share *= vote.share;
    const best = supporters[0];
    lines.push({ source: best.body[k], sourcePrevious: best.body[k - 1] });
    const longestMatch = Math.max(...supporters.map((s) => s.occurrence.matchLength));
    confidences.push(completionConfidence({ share, count: supporters.length, longestMatch }) * config.blockLineDecay ** k);
  }
  return { lines, confidences };
}

/**
 * Whether the cursor sits where a block's body is to be written: nothing typed on its line, the line before (the
 * nearest non-blank one) opens a block, and the body is still empty (the next non-blank line, if any, is no deeper
 * than the opener: its closing bracket, a dedent, or the end of the document).
 */
export function cursorOpensBody(before: readonly string[], typed: string, rest: string, after: readonly string[]): boolean {
  if (typed.trim() !== '' || rest.trim() !== '') return false;
  const opener = lastNonBlankAtOrBefore(before, before.length - 1);
  if (opener < 0 || !isBlockOpener(before[opener])) return false;
  const next = after.find((line) => line.trim() !== '');
  return next === undefined || indentOf(next) <= indentOf(before[opener]);
}
