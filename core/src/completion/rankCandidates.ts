import type { CompletionEngineConfig } from './completionEngineConfig';
import { codeWindowSpanId } from './codeWindowSpan';
import { completionConfidence } from './completionConfidence';
import { consensusRank } from './consensusRank';
import type { CompleteOptions, CompletionCandidate, CompletionProvenance, CompletionRequest, CompletionResult } from './completionTypes';
import { adaptIndentation, insertionFor } from './insertionText';
import { agreedBlock, openBodyOpener } from './agreedBlock';
import { indentOf } from './blockStructure';
import { previousNonBlank } from './occurrence';
import type { VotedContinuation } from './voteContinuations';
import type { ComposedCandidate } from './composeCandidates';
import { composedCompletion, mergeComposed } from './mergeComposed';
import type { RankedLine } from './mergeComposed';
import { completionModeOf } from './completionMode';
import type { TrajectoryWeights } from '../learning/trajectoryWeights';
import type { GroupedCalibration } from '../learning/groupedCalibration';
import { blockCandidate } from './blockCandidate';
import type { Complete } from './blockCandidate';
import type { CursorView } from './cursorView';

/** What ranking needs from the engine: its settings, what it learned, its calibration, and `complete` for blocks. */
export interface RankContext {
  config: CompletionEngineConfig;
  weights: TrajectoryWeights;
  calibration: GroupedCalibration;
  complete: Complete;
}

/**
 * One vote over copied and composed lines: each line once, at the higher confidence, with every source. The raw
 * scores are ranked, then calibrated (per mode and language: one map for every line of a request, so the order
 * holds); after a block opener each shown line grows into the body that follows.
 */
export function rankCandidates(
  voted: VotedContinuation[],
  composed: ComposedCandidate[],
  request: CompletionRequest,
  view: CursorView,
  options: CompleteOptions,
  context: RankContext,
): CompletionResult {
  const { config, weights, calibration } = context;
  const threshold = options.showThreshold ?? config.showThreshold;
  const copied: (RankedLine & { voted?: VotedContinuation })[] = consensusRank(voted, config.consensusCandidates).map((candidate) => ({
    text: candidate.text,
    confidence: completionConfidence(candidate),
    build: (confidence, extra) => copiedCandidate(candidate, confidence, view, weights, extra),
    voted: candidate,
  }));
  const cursor = { typed: view.typed, position: view.position, previousLine: previousNonBlank(view.before, view.before.length) };
  const ranked = mergeComposed(copied, composed, (c, confidence) => composedCompletion(c, confidence, cursor, weights)).map((line) => {
    const mode = completionModeOf(view.typed, line.text);
    return { line, raw: line.confidence, mode, confidence: line.confidence > 0 ? calibration.calibrate(line.confidence, mode, request.language) : 0 };
  });
  const opener = (options.maxLines ?? 1) > 1 ? openBodyOpener(request.language, view.before, view.typed, view.rest, view.after) : undefined;
  const candidates = ranked
    .filter((r) => r.confidence >= threshold && r.confidence > 0)
    .slice(0, options.maxCandidates ?? config.maxCandidates)
    .map((r) => {
      const candidate: CompletionCandidate = { ...r.line.build(r.confidence), rawConfidence: r.raw, mode: r.mode };
      if (opener === undefined) return candidate;
      const votedLine = (r.line as { voted?: VotedContinuation }).voted;
      const agreed = votedLine === undefined ? [] : agreedBlock(votedLine, options.maxLines ?? 1, config);
      const blockOptions = { ...options, showThreshold: Math.max(threshold, config.showThreshold) };
      return blockCandidate(candidate, agreed, request, view, indentOf(view.before[opener]), blockOptions, config, context.complete);
    });
  return { candidates, bestConfidence: candidates[0]?.confidence ?? ranked[0]?.confidence ?? 0, bestRawConfidence: ranked[0]?.raw ?? 0 };
}

/** A copied line as a candidate: indented like the cursor's context, with its first places as provenance. */
function copiedCandidate(voted: VotedContinuation, confidence: number, view: CursorView, weights: TrajectoryWeights, extra: CompletionProvenance[] = []): CompletionCandidate {
  const best = voted.occurrences[0];
  const indent = adaptIndentation(best.line, best.previousLine, previousNonBlank(view.before, view.before.length));
  const { text, range } = insertionFor(voted.text, view.typed, view.position, indent);
  return {
    text,
    range,
    confidence,
    method: best.adapted ? 'continuation-adapted' : voted.count > 1 ? 'continuation-vote' : 'continuation-copy',
    provenance: voted.occurrences.slice(0, 3).map((o): CompletionProvenance => {
      const spanId = codeWindowSpanId(o.file, o.line, o.previousLine);
      return { file: o.file, line: o.lineNumber, spanId, similarity: Math.min(1, o.matchLength / 32), acceptedBefore: weights.acceptedCount(spanId) };
    }).concat(extra),
  };
}
