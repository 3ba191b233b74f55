import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import { indentationIsStructure, QueryTokenIds, shapeStream, tokenStream } from './tokenStream';
import type { TokenIds } from './tokenStream';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { DEFAULT_COMPLETION_ENGINE_CONFIG } from './completionEngineConfig';
import { codeWindowSpanId } from './codeWindowSpan';
import { completionConfidence } from './completionConfidence';
import { consensusRank } from './consensusRank';
import type { CompleteOptions, CompletionCandidate, CompletionProvenance, CompletionRequest, CompletionResult, SourcePosition } from './completionTypes';
import { ContinuationIndex, splitLines } from './continuationIndex';
import { findIndexOccurrences, findStreamOccurrences } from './findOccurrences';
import { findShapeIndexOccurrences, findShapeStreamOccurrences } from './findShapeOccurrences';
import type { ShapeQuery } from './findShapeOccurrences';
import type { QueryContext } from './findOccurrences';
import { adaptIndentation, insertionFor } from './insertionText';
import { agreedBlock, openBodyOpener } from './agreedBlock';
import type { AgreedLine } from './agreedBlock';
import { indentOf } from './blockStructure';
import { growBlock } from './growBlock';
import type { Occurrence } from './occurrence';
import { previousNonBlank } from './occurrence';
import { voteContinuations, wordSet } from './voteContinuations';
import { TrajectoryWeights } from '../learning/trajectoryWeights';
import type { WeightUpdate } from '../learning/trajectoryWeights';
import type { RatedOutcome } from '../learning/outcomeRating';
import type { VotedContinuation } from './voteContinuations';
import { GroupedCalibration } from '../learning/groupedCalibration';
import { completionModeOf } from './completionMode';
import type { ContinuationIndexOptions, IndexedFile } from './continuationIndex';
import { composeCandidates, partialWord } from './composeCandidates';
import type { ComposedCandidate } from './composeCandidates';
import type { TokenSource } from './nextTokenModel';
import { composedCompletion, mergeComposed } from './mergeComposed';
import { ComposedNarrowing } from './composedNarrowing';
import type { RankedLine } from './mergeComposed';

/** The request split at the cursor: full lines before it, what was typed on its line, and the lines after it. */
interface CursorView {
  before: string[];
  typed: string;
  /** The rest of the cursor's line, after the cursor. */
  rest: string;
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
  /** Lines composed token by token (none with synthesis off). */
  compose(budget: CompleteOptions['budget']): ComposedCandidate[];
}

/** The caller's budget, and with a clock also a deadline `ms` from now: composing stops at whichever comes first. */
function synthesisBudget(budget: Cancellation | undefined, clock: Clock | undefined, ms: number): Cancellation | undefined {
  if (!clock) return budget;
  const deadline = clock.now() + ms;
  return { get isCancelled() { return budget?.isCancelled === true || clock.now() >= deadline; } };
}

function cursorView(request: CompletionRequest): CursorView {
  const prefixLines = splitLines(request.prefix);
  const typed = prefixLines.pop() ?? '';
  const suffixLines = splitLines(request.suffix);
  const position = request.position ?? { line: prefixLines.length, character: typed.length };
  return { before: prefixLines, typed, rest: suffixLines[0] ?? '', after: suffixLines.slice(1), position };
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
  private index: ContinuationIndex;
  private readonly narrowing = new ComposedNarrowing();
  private currentCalibration = GroupedCalibration.identity();

  /**
   * `clock` bounds token-level synthesis to `synthesisBudgetMs` per request (without one, only `options.budget`
   * and the beam's own limits bound it, which keeps tests deterministic).
   */
  constructor(config: Partial<CompletionEngineConfig> = {}, weights: TrajectoryWeights = new TrajectoryWeights(), private readonly clock?: Clock) {
    this.config = { ...DEFAULT_COMPLETION_ENGINE_CONFIG, ...config };
    this.weights = weights;
    this.index = new ContinuationIndex({ indentTokens: this.config.indentTokens > 0, tokenPostings: this.config.synthesisCredit > 0 });
  }

  get stats(): { files: number; windows: number } {
    return { files: this.index.fileCount, windows: this.index.windowCount };
  }

  /** How this engine's index tokenizes and what it indexes (from its settings): an index built elsewhere must match. */
  get indexOptions(): ContinuationIndexOptions {
    return this.index.options;
  }

  /**
   * Answers from `index` from now on: one built elsewhere (a worker thread) or restored from a saved one. Learned
   * weights are kept; they are keyed by place, not by index.
   */
  replaceIndex(index: ContinuationIndex): void {
    this.index = index;
  }

  addFile(file: string, language: string, text: string): void {
    this.narrowing.clear();
    this.index.addFile(file, language, text);
  }

  removeFile(file: string): void {
    this.narrowing.clear();
    this.index.removeFile(file);
  }

  /** Raw score → calibrated probability, per mode and language (`selfCalibration` fits it); identity until set. */
  get calibration(): GroupedCalibration {
    return this.currentCalibration;
  }

  setCalibration(calibration: GroupedCalibration): void {
    this.currentCalibration = calibration;
  }

  /** The live indexed files (path, language, text): what the engine calibrates itself on. */
  indexedFiles(): readonly Pick<IndexedFile, 'path' | 'language' | 'text'>[] {
    return this.index.liveFiles();
  }

  /** One live indexed file, or undefined. */
  indexedFile(file: string): Pick<IndexedFile, 'path' | 'language' | 'text'> | undefined {
    return this.index.liveFile(file);
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
    this.removeFile(file);
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
    let composed: ComposedCandidate[] = [];
    if (!cutShort && this.config.synthesisCredit > 0 && options.synthesis !== false) {
      yield;
      throwIfCancelled(options.token, 'completion');
      // Typing on along the line narrows the previous request's lines instead of composing again.
      composed =
        this.narrowing.narrow(request.file, request.prefix, view.typed) ?? search.compose(synthesisBudget(options.budget, this.clock, this.config.synthesisBudgetMs));
      this.narrowing.remember(request.file, request.prefix, composed);
    }
    return { ...this.rank(search.vote(occurrences), composed, request, view, options), ...(cutShort ? { cutShort } : {}) };
  }

  /**
   * One vote over copied and composed lines: each line once, at the higher confidence, with every source. The raw
   * scores are ranked, then calibrated (per mode and language: one map for every line of a request, so the order
   * holds); after a block opener each shown line grows into the body that follows.
   */
  private rank(voted: VotedContinuation[], composed: ComposedCandidate[], request: CompletionRequest, view: CursorView, options: CompleteOptions): CompletionResult {
    const threshold = options.showThreshold ?? this.config.showThreshold;
    const copied: (RankedLine & { voted?: VotedContinuation })[] = consensusRank(voted, this.config.consensusCandidates).map((candidate) => ({
      text: candidate.text,
      confidence: completionConfidence(candidate),
      build: (confidence, extra) => this.toCandidate(candidate, confidence, view, extra),
      voted: candidate,
    }));
    const cursor = { typed: view.typed, position: view.position, previousLine: previousNonBlank(view.before, view.before.length) };
    const ranked = mergeComposed(copied, composed, (c, confidence) => composedCompletion(c, confidence, cursor, this.weights)).map((line) => {
      const mode = completionModeOf(view.typed, line.text);
      return { line, raw: line.confidence, mode, confidence: line.confidence > 0 ? this.currentCalibration.calibrate(line.confidence, mode, request.language) : 0 };
    });
    const opener = (options.maxLines ?? 1) > 1 ? openBodyOpener(request.language, view.before, view.typed, view.rest, view.after) : undefined;
    const candidates = ranked
      .filter((r) => r.confidence >= threshold && r.confidence > 0)
      .slice(0, options.maxCandidates ?? this.config.maxCandidates)
      .map((r) => {
        const candidate: CompletionCandidate = { ...r.line.build(r.confidence), rawConfidence: r.raw, mode: r.mode };
        if (opener === undefined) return candidate;
        const voted = (r.line as { voted?: VotedContinuation }).voted;
        const agreed = voted === undefined ? [] : agreedBlock(voted, options.maxLines ?? 1, this.config);
        return this.withBlock(candidate, agreed, request, view, indentOf(view.before[opener]), { ...options, showThreshold: Math.max(threshold, this.config.showThreshold) });
      });
    return { candidates, bestConfidence: candidates[0]?.confidence ?? ranked[0]?.confidence ?? 0, bestRawConfidence: ranked[0]?.raw ?? 0 };
  }

  private search(request: CompletionRequest, view: CursorView): PhasedSearch {
    const scanFrom = Math.max(0, view.before.length - this.config.selfScanLines);
    const before = view.before.slice(scanFrom);
    const ids = new QueryTokenIds(this.index.vocabulary);
    const indent = this.config.indentTokens > 0 && indentationIsStructure(request.language);
    const partial = partialWord(view.typed);
    // One stream serves both: up to the line start for matching lines, on to the cursor for composing tokens.
    const selfLines = [...before, view.typed.slice(0, view.typed.length - partial.length)];
    const self = tokenStream(selfLines, ids, scanFrom === 0, indent);
    const query: QueryContext = { tokens: self.tokens, end: self.lineStarts[before.length] };
    let suffixStream: { tokens: Int32Array; lineStarts: Int32Array; lines: string[] } | undefined;
    const suffix = () => {
      const lines = view.after.slice(0, this.config.suffixScanLines);
      return (suffixStream ??= { ...tokenStream(lines, ids, false, indent), lines });
    };
    const phases = [
      () => findIndexOccurrences(this.index, query, request.file, this.config),
      () => findStreamOccurrences({ ...self, lines: before, firstLine: scanFrom }, query, 'self', request.file, this.config),
      () => findStreamOccurrences({ ...suffix(), firstLine: view.position.line + 1 }, query, 'self', request.file, this.config),
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
    const compose = (budget: CompleteOptions['budget']) => {
      const end = self.tokens.length - 1;
      const selfSource: TokenSource = { path: request.file, scope: 'self', tokens: self.tokens, lineStarts: self.lineStarts, lines: selfLines, firstLine: scanFrom, end };
      const after = suffix();
      const others: TokenSource[] = [{ path: request.file, scope: 'self', ...after, firstLine: view.position.line + 1, end: after.tokens.length }];
      for (const open of request.openFiles ?? []) {
        if (open.file === request.file) continue;
        const lines = splitLines(open.text);
        const stream = tokenStream(lines, ids, true, this.config.indentTokens > 0 && indentationIsStructure(open.language));
        others.push({ path: open.file, scope: 'open', ...stream, lines, firstLine: 0, end: stream.tokens.length });
      }
      return composeCandidates(this.index, { file: request.file, self: selfSource, others, typed: view.typed, partial, ids, budget }, this.config);
    };
    return { phases, vote, compose };
  }

  private openFileOccurrences(request: CompletionRequest, query: QueryContext, ids: TokenIds): Occurrence[] {
    const found: Occurrence[] = [];
    for (const open of request.openFiles ?? []) {
      if (open.file === request.file) continue;
      const lines = splitLines(open.text);
      const stream = tokenStream(lines, ids, true, this.config.indentTokens > 0 && indentationIsStructure(open.language));
      found.push(...findStreamOccurrences({ ...stream, lines, firstLine: 0 }, query, 'open', open.file, this.config));
    }
    return found;
  }

  /**
   * A first-line candidate grown into the block that follows it (`growBlock`: what its places agree on, then the
   * line-level search line by line); its confidence becomes that of everything it shows.
   */
  private withBlock(
    candidate: CompletionCandidate,
    agreed: readonly AgreedLine[],
    request: CompletionRequest,
    view: CursorView,
    openerIndent: number,
    options: CompleteOptions,
  ): CompletionCandidate {
    const maxLines = options.maxLines ?? 1;
    const lineStart = request.prefix.length - view.typed.length;
    const context = {
      openerIndent,
      agreed,
      nextLine: (lines: readonly string[]) => {
        const prefix = request.prefix.slice(0, lineStart) + lines.join('\n') + '\n';
        const result = this.complete({ ...request, prefix, position: undefined }, { showThreshold: 0, maxCandidates: 1, budget: options.budget });
        // A line found with part of the search skipped is not worth adding to a block: the block ends there.
        const next = result.cutShort ? undefined : result.candidates[0];
        return next && { text: next.text, confidence: next.confidence, provenance: next.provenance };
      },
      outOfTime: () => options.budget?.isCancelled === true || options.token?.isCancelled === true,
      maxLines,
      bar: options.showThreshold ?? this.config.showThreshold,
    };
    const block = growBlock(candidate.text, candidate.confidence, context, this.config);
    if (block.lines.length === 1) return candidate;
    // The block's confidence is the calibrated first line's times the later lines' support; its raw score scales alike.
    const rawConfidence = (candidate.rawConfidence ?? candidate.confidence) * (block.confidence / candidate.confidence);
    return { ...candidate, text: block.lines.join('\n'), confidence: block.confidence, rawConfidence, mode: 'block', method: `${candidate.method}-block`, provenance: [...candidate.provenance, ...block.provenance] };
  }

  private toCandidate(voted: VotedContinuation, confidence: number, view: CursorView, extra: CompletionProvenance[] = []): CompletionCandidate {
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
        return { file: o.file, line: o.lineNumber, spanId, similarity: Math.min(1, o.matchLength / 32), acceptedBefore: this.weights.acceptedCount(spanId) };
      }).concat(extra),
    };
  }
}
