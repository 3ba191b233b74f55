import type { TrajectoryWeights } from '../learning/trajectoryWeights';
import { codeWindowSpanId } from './codeWindowSpan';
import type { ComposedCandidate } from './composeCandidates';
import type { CompletionCandidate, CompletionProvenance, SourcePosition } from './completionTypes';
import { adaptIndentation, insertionFor } from './insertionText';
import { previousNonBlank } from './occurrence';

/** A line in the one vote: its text, its confidence and how it becomes a candidate (with more provenance if merged). */
export interface RankedLine {
  text: string;
  confidence: number;
  build(confidence: number, extra?: CompletionProvenance[]): CompletionCandidate;
}

/** Per segment of a composed line: the place its tokens came from, the matched context and the text taken there. */
export function composedProvenance(candidate: ComposedCandidate, weights: TrajectoryWeights): CompletionProvenance[] {
  return candidate.segments.map((s) => {
    const spanId = codeWindowSpanId(s.path, s.sourceLine, previousNonBlank(s.source.lines, s.localLine));
    return { file: s.path, line: s.line, spanId, similarity: Math.min(1, s.matchLength / 32), acceptedBefore: weights.acceptedCount(spanId), text: s.text, matchedTokens: s.matchLength };
  });
}

/** A composed line as a completion: re-indented like a copied line from where its first token came from. */
export function composedCompletion(
  candidate: ComposedCandidate,
  confidence: number,
  cursor: { typed: string; position: SourcePosition; previousLine: string },
  weights: TrajectoryWeights,
): CompletionCandidate {
  const first = candidate.segments[0];
  const indent = adaptIndentation(first.sourceLine, previousNonBlank(first.source.lines, first.localLine), cursor.previousLine);
  const { text, range } = insertionFor(candidate.text, cursor.typed, cursor.position, indent);
  return { text, range, confidence, method: 'token-composed', provenance: composedProvenance(candidate, weights) };
}

/**
 * Copied and composed lines in one ranking. A composed line that a copied one already proposes is the same evidence
 * read token by token (its tokens came from the lines the vote counted), so the copied line keeps its own confidence
 * and provenance, where learned weights and the whole-line vote already count; the others compete at their own
 * confidence.
 */
export function mergeComposed(
  copied: readonly RankedLine[],
  composed: readonly ComposedCandidate[],
  toCompletion: (candidate: ComposedCandidate, confidence: number) => CompletionCandidate,
): RankedLine[] {
  const merged: RankedLine[] = copied.map((line) => ({ ...line }));
  for (const candidate of composed) {
    if (merged.some((line) => line.text === candidate.text)) continue;
    // The copied lines keep their consensus order; a composed line goes ahead of the first it is more sure than.
    const at = merged.findIndex((line) => line.confidence < candidate.confidence);
    const entry: RankedLine = { text: candidate.text, confidence: candidate.confidence, build: (confidence) => toCompletion(candidate, confidence) };
    merged.splice(at === -1 ? merged.length : at, 0, entry);
  }
  return merged;
}
