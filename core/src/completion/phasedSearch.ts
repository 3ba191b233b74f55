import { indentationIsStructure, QueryTokenIds, shapeStream, tokenStream } from './tokenStream';
import type { TokenIds } from './tokenStream';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { codeWindowSpanId } from './codeWindowSpan';
import type { CompleteOptions, CompletionRequest } from './completionTypes';
import { splitLines } from './continuationIndex';
import type { ContinuationIndex } from './continuationIndex';
import { findIndexOccurrences, findStreamOccurrences } from './findOccurrences';
import type { QueryContext } from './findOccurrences';
import { findShapeIndexOccurrences, findShapeStreamOccurrences } from './findShapeOccurrences';
import type { ShapeQuery } from './findShapeOccurrences';
import type { Occurrence } from './occurrence';
import { voteContinuations, wordSet } from './voteContinuations';
import type { VotedContinuation } from './voteContinuations';
import { composeCandidates, partialWord } from './composeCandidates';
import type { ComposedCandidate } from './composeCandidates';
import type { TokenSource } from './nextTokenModel';
import type { TrajectoryWeights } from '../learning/trajectoryWeights';
import type { CursorView } from './cursorView';

/** One request's search split into phases a caller can stop between, and the vote over what they found. */
export interface PhasedSearch {
  phases: (() => Occurrence[])[];
  vote(occurrences: Occurrence[]): VotedContinuation[];
  /** Lines composed token by token (none with synthesis off). */
  compose(budget: CompleteOptions['budget']): ComposedCandidate[];
}

function nonBlank(lines: readonly string[]): string[] {
  return lines.filter((line) => line.trim() !== '');
}

/**
 * The search for one request: the index, the document itself, the lines after the cursor, open files and (with
 * `renamedContextCredit`) renamed contexts, each a phase; the vote scales occurrences by what `weights` learned.
 */
export function phasedSearch(
  index: ContinuationIndex,
  weights: TrajectoryWeights,
  config: CompletionEngineConfig,
  request: CompletionRequest,
  view: CursorView,
): PhasedSearch {
  const scanFrom = Math.max(0, view.before.length - config.selfScanLines);
  const before = view.before.slice(scanFrom);
  const ids = new QueryTokenIds(index.vocabulary);
  const indent = config.indentTokens > 0 && indentationIsStructure(request.language);
  const partial = partialWord(view.typed);
  // One stream serves both: up to the line start for matching lines, on to the cursor for composing tokens.
  const selfLines = [...before, view.typed.slice(0, view.typed.length - partial.length)];
  const self = tokenStream(selfLines, ids, scanFrom === 0, indent);
  const query: QueryContext = { tokens: self.tokens, end: self.lineStarts[before.length] };
  let suffixStream: { tokens: Int32Array; lineStarts: Int32Array; lines: string[] } | undefined;
  const suffix = () => {
    const lines = view.after.slice(0, config.suffixScanLines);
    return (suffixStream ??= { ...tokenStream(lines, ids, false, indent), lines });
  };
  const phases = [
    () => findIndexOccurrences(index, query, request.file, config),
    () => findStreamOccurrences({ ...self, lines: before, firstLine: scanFrom }, query, 'self', request.file, config),
    () => findStreamOccurrences({ ...suffix(), firstLine: view.position.line + 1 }, query, 'self', request.file, config),
    () => openFileOccurrences(request, query, ids, config),
  ];
  if (config.renamedContextCredit > 0) {
    let shaped: ShapeQuery | undefined;
    const shapeQuery = () => (shaped ??= { ...query, shape: shapeStream(self.tokens, (id) => ids.isName(id)), ids });
    phases.push(
      () => findShapeIndexOccurrences(index, shapeQuery(), request.file, config),
      () => findShapeStreamOccurrences({ ...self, shape: shapeQuery().shape, lines: before, firstLine: scanFrom }, shapeQuery(), request.file, config),
    );
  }
  const vote = (occurrences: Occurrence[]) => {
    if (weights.size > 0) {
      for (const o of occurrences) o.learnedWeight = weights.weight(codeWindowSpanId(o.file, o.line, o.previousLine));
    }
    const words = wordSet([...before, view.typed, ...view.after.slice(0, config.suffixScanLines)]);
    const neighbours = [...nonBlank(before.slice(-8)).slice(-3), ...nonBlank(view.after.slice(0, 8)).slice(0, 2)].map((l) => l.trim());
    return voteContinuations(occurrences, view.typed, { words, neighbours }, config).candidates;
  };
  const compose = (budget: CompleteOptions['budget']) => {
    const end = self.tokens.length - 1;
    const selfSource: TokenSource = { path: request.file, scope: 'self', tokens: self.tokens, lineStarts: self.lineStarts, lines: selfLines, firstLine: scanFrom, end };
    const after = suffix();
    const others: TokenSource[] = [{ path: request.file, scope: 'self', ...after, firstLine: view.position.line + 1, end: after.tokens.length }];
    for (const open of request.openFiles ?? []) {
      if (open.file === request.file) continue;
      const lines = splitLines(open.text);
      const stream = tokenStream(lines, ids, true, config.indentTokens > 0 && indentationIsStructure(open.language));
      others.push({ path: open.file, scope: 'open', ...stream, lines, firstLine: 0, end: stream.tokens.length });
    }
    return composeCandidates(index, { file: request.file, self: selfSource, others, typed: view.typed, partial, ids, budget }, config);
  };
  return { phases, vote, compose };
}

function openFileOccurrences(request: CompletionRequest, query: QueryContext, ids: TokenIds, config: CompletionEngineConfig): Occurrence[] {
  const found: Occurrence[] = [];
  for (const open of request.openFiles ?? []) {
    if (open.file === request.file) continue;
    const lines = splitLines(open.text);
    const stream = tokenStream(lines, ids, true, config.indentTokens > 0 && indentationIsStructure(open.language));
    found.push(...findStreamOccurrences({ ...stream, lines, firstLine: 0 }, query, 'open', open.file, config));
  }
  return found;
}
