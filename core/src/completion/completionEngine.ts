import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import { QueryTokenIds, shapeStream, tokenStream } from './tokenStream';
import type { TokenIds } from './tokenStream';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { DEFAULT_COMPLETION_ENGINE_CONFIG } from './completionEngineConfig';
import { codeWindowSpanId } from './codeWindowSpan';
import { completionConfidence } from './completionConfidence';
import { consensusRank } from './consensusRank';
import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult, SourcePosition } from './completionTypes';
import { ContinuationIndex, splitLines } from './continuationIndex';
import { findIndexOccurrences, findStreamOccurrences } from './findOccurrences';
import { findShapeIndexOccurrences, findShapeStreamOccurrences } from './findShapeOccurrences';
import type { ShapeQuery } from './findShapeOccurrences';
import type { QueryContext } from './findOccurrences';
import { adaptIndentation, insertionFor } from './insertionText';
import type { Occurrence } from './occurrence';
import { previousNonBlank } from './occurrence';
import { voteContinuations, wordSet } from './voteContinuations';
import { TrajectoryWeights } from '../learning/trajectoryWeights';
import type { WeightUpdate } from '../learning/trajectoryWeights';
import type { RatedOutcome } from '../learning/outcomeRating';
import type { VotedContinuation } from './voteContinuations';

/** The request split at the cursor: full lines before it, what was typed on its line, and the lines after it. */
interface CursorView {
  before: string[];
  typed: string;
  after: string[];
  position: SourcePosition;
}

function nonBlank(lines: readonly string[]): string[] {
  return lines.filter((line) => line.trim() !== '');
}

/** One request's search split into phases a caller can stop between, and the vote over what they found. */
interface PhasedSearch {
  phases: (() => Occurrence[])[];
  vote(occurrences: Occurrence[]): VotedContinuation[];
}

function cursorView(request: CompletionRequest): CursorView {
  const prefixLines = splitLines(request.prefix);
  const typed = prefixLines.pop() ?? '';
  const after = splitLines(request.suffix).slice(1);
  const position = request.position ?? { line: prefixLines.length, character: typed.length };
  return { before: prefixLines, typed, after, position };
}

/**
 * Code completion by voting over what followed the same context elsewhere: the lines before the cursor are matched,
 * token by token and longest first, against every indexed file and the document itself; the lines that followed
 * those places are grouped and ranked by how much, and how specific, the evidence for each is. Whatever is shown
 * carries its confidence and the places it came from.
 */
export class CompletionEngine {
  readonly config: CompletionEngineConfig;
  /** What outcomes taught about each source place; votes are scaled by it (see `learnedVoteFactor`). */
  readonly weights: TrajectoryWeights;
  private index = new ContinuationIndex();

  constructor(config: Partial<CompletionEngineConfig> = {}, weights: TrajectoryWeights = new TrajectoryWeights()) {
    this.config = { ...DEFAULT_COMPLETION_ENGINE_CONFIG, ...config };
    this.weights = weights;
  }

  get stats(): { files: number; windows: number } {
    return { files: this.index.fileCount, windows: this.index.windowCount };
  }

  /**
   * Answers from `index` from now on: one built elsewhere (a worker thread) or restored from a saved one. Learned
   * weights are kept; they are keyed by place, not by index.
   */
  replaceIndex(index: ContinuationIndex): void {
    this.index = index;
  }

  addFile(file: string, language: string, text: string): void {
    this.index.addFile(file, language, text);
  }

  removeFile(file: string): void {
    this.index.removeFile(file);
  }

  hasFile(file: string): boolean {
    return this.index.has(file);
  }

  /**
   * Removes a file and everything learned from it: its postings and the weights of its places (those known to live
   * in it, and those whose window id its current lines produce). Afterwards the engine answers as one that never
   * indexed the file. `removeFile` alone keeps the weights (the benchmark removes and re-adds files constantly).
   */
  unlearnFile(file: string): void {
    const lines = this.index.linesOf(file);
    lines?.forEach((text, line) => this.weights.unlearnSource(codeWindowSpanId(file, text, previousNonBlank(lines, line))));
    this.weights.unlearnFile(file);
    this.index.removeFile(file);
  }

  /** Applies weight updates (from `learnFromOutcomes` or `outcomeWeightUpdates`). */
  learn(updates: readonly WeightUpdate[]): void {
    this.weights.apply(updates);
  }

  /**
   * Credits an outcome of a shown candidate to every place it came from. `outcomeId` (the outcome span's id) makes
   * the credit idempotent and unlearnable by id.
   */
  recordOutcome(candidate: Pick<CompletionCandidate, 'provenance'>, outcome: RatedOutcome, outcomeId?: string): void {
    this.weights.apply(
      candidate.provenance.flatMap((p) =>
        p.spanId === undefined ? [] : [{ source: p.spanId, outcome, ...(outcomeId !== undefined ? { outcomeId } : {}), ...(p.file !== undefined ? { file: p.file } : {}) }],
      ),
    );
  }

  /**
   * Credits an acceptance to the indexed line `file:line` (0-based), as `recordOutcome` would for a candidate that
   * came from there. Ignored when the file is not indexed: the place's window id needs its text.
   */
  recordAcceptance(file: string, line: number): void {
    const lines = this.index.linesOf(file);
    if (lines?.[line] !== undefined) this.weights.apply([{ source: codeWindowSpanId(file, lines[line], previousNonBlank(lines, line)), outcome: 'accepted', file }]);
  }

  /**
   * The candidates at the request's position. Between its search phases (the index, the document itself, the lines
   * after the cursor, open files, renamed contexts) it checks `options.token` (cancelled: CancelledError) and
   * `options.budget` (time is up: the remaining phases are skipped and what was found is ranked, `cutShort`).
   */
  complete(request: CompletionRequest, options: CompleteOptions = {}): CompletionResult {
    const steps = this.steps(request, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `complete`, pausing with `pause` before each search phase so the host can handle what arrived meanwhile (an LSP
   * `$/cancelRequest` flips the token, a newer document version makes the request moot) while the request runs.
   */
  async completeInterruptibly(request: CompletionRequest, options: CompleteOptions = {}, pause: () => Promise<void> = yieldToHost): Promise<CompletionResult> {
    const steps = this.steps(request, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** The search as a generator: it yields before each phase, where the stop signals are checked. */
  private *steps(request: CompletionRequest, options: CompleteOptions): Generator<void, CompletionResult> {
    const view = cursorView(request);
    const search = this.search(request, view);
    const occurrences: Occurrence[] = [];
    let cutShort = false;
    for (const phase of search.phases) {
      yield;
      throwIfCancelled(options.token, 'completion');
      if (options.budget?.isCancelled) {
        cutShort = true;
        break;
      }
      occurrences.push(...phase());
    }
    return { ...this.rank(search.vote(occurrences), view, options), ...(cutShort ? { cutShort } : {}) };
  }

  private rank(voted: VotedContinuation[], view: CursorView, options: CompleteOptions): CompletionResult {
    const threshold = options.showThreshold ?? this.config.showThreshold;
    const ranked = consensusRank(voted, this.config.consensusCandidates).map((candidate) => ({ candidate, confidence: completionConfidence(candidate) }));
    const bestConfidence = ranked[0]?.confidence ?? 0;
    const candidates = ranked
      .filter((r) => r.confidence >= threshold && r.confidence > 0)
      .slice(0, options.maxCandidates ?? this.config.maxCandidates)
      .map((r) => this.toCandidate(r.candidate, r.confidence, view));
    return { candidates, bestConfidence };
  }

  private search(request: CompletionRequest, view: CursorView): PhasedSearch {
    const scanFrom = Math.max(0, view.before.length - this.config.selfScanLines);
    const before = view.before.slice(scanFrom);
    const ids = new QueryTokenIds(this.index.vocabulary);
    const self = tokenStream(before, ids, scanFrom === 0);
    const query: QueryContext = { tokens: self.tokens, end: self.lineStarts[before.length] };
    const phases = [
      () => findIndexOccurrences(this.index, query, request.file, this.config),
      () => findStreamOccurrences({ ...self, lines: before, firstLine: scanFrom }, query, 'self', request.file, this.config),
      () => this.suffixOccurrences(request, view, query, ids),
      () => this.openFileOccurrences(request, query, ids),
    ];
    if (this.config.renamedContextCredit > 0) {
      let shaped: ShapeQuery | undefined;
      const shapeQuery = () => (shaped ??= { ...query, shape: shapeStream(self.tokens, (id) => ids.isName(id)), ids });
      phases.push(
        () => findShapeIndexOccurrences(this.index, shapeQuery(), request.file, this.config),
        () => findShapeStreamOccurrences({ ...self, shape: shapeQuery().shape, lines: before, firstLine: scanFrom }, shapeQuery(), request.file, this.config),
      );
    }
    const vote = (occurrences: Occurrence[]) => {
      if (this.weights.size > 0) {
        for (const o of occurrences) o.learnedWeight = this.weights.weight(codeWindowSpanId(o.file, o.line, o.previousLine));
      }
      const words = wordSet([...before, view.typed, ...view.after.slice(0, this.config.suffixScanLines)]);
      const neighbours = [...nonBlank(before.slice(-8)).slice(-3), ...nonBlank(view.after.slice(0, 8)).slice(0, 2)].map((l) => l.trim());
      return voteContinuations(occurrences, view.typed, { words, neighbours }, this.config).candidates;
    };
    return { phases, vote };
  }

  private suffixOccurrences(request: CompletionRequest, view: CursorView, query: QueryContext, ids: TokenIds): Occurrence[] {
    const after = view.after.slice(0, this.config.suffixScanLines);
    const stream = tokenStream(after, ids, false);
    return findStreamOccurrences({ ...stream, lines: after, firstLine: view.position.line + 1 }, query, 'self', request.file, this.config);
  }

  private openFileOccurrences(request: CompletionRequest, query: QueryContext, ids: TokenIds): Occurrence[] {
    const found: Occurrence[] = [];
    for (const open of request.openFiles ?? []) {
      if (open.file === request.file) continue;
      const lines = splitLines(open.text);
      const stream = tokenStream(lines, ids);
      found.push(...findStreamOccurrences({ ...stream, lines, firstLine: 0 }, query, 'open', open.file, this.config));
    }
    return found;
  }

  private toCandidate(voted: VotedContinuation, confidence: number, view: CursorView): CompletionCandidate {
    const best = voted.occurrences[0];
    const indent = adaptIndentation(best.line, best.previousLine, previousNonBlank(view.before, view.before.length));
    const { text, range } = insertionFor(voted.text, view.typed, view.position, indent);
    return {
      text,
      range,
      confidence,
      method: best.adapted ? 'continuation-adapted' : voted.count > 1 ? 'continuation-vote' : 'continuation-copy',
      provenance: voted.occurrences.slice(0, 3).map((o) => {
        const spanId = codeWindowSpanId(o.file, o.line, o.previousLine);
        return { file: o.file, line: o.lineNumber, spanId, similarity: Math.min(1, o.matchLength / 32), acceptedBefore: this.weights.acceptedCount(spanId) };
      }),
    };
  }
}
