import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { DEFAULT_COMPLETION_ENGINE_CONFIG } from './completionEngineConfig';
import { codeWindowSpanId } from './codeWindowSpan';
import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult } from './completionTypes';
import { ContinuationIndex } from './continuationIndex';
import type { ContinuationIndexOptions, IndexedFile } from './continuationIndex';
import type { Occurrence } from './occurrence';
import { previousNonBlank } from './occurrence';
import { TrajectoryWeights } from '../learning/trajectoryWeights';
import type { WeightUpdate } from '../learning/trajectoryWeights';
import type { RatedOutcome } from '../learning/outcomeRating';
import { GroupedCalibration } from '../learning/groupedCalibration';
import type { ComposedCandidate } from './composeCandidates';
import { ComposedNarrowing } from './composedNarrowing';
import { cursorView } from './cursorView';
import { phasedSearch } from './phasedSearch';
import { rankCandidates } from './rankCandidates';

/** The caller's budget, and with a clock also a deadline `ms` from now: composing stops at whichever comes first. */
function synthesisBudget(budget: Cancellation | undefined, clock: Clock | undefined, ms: number): Cancellation | undefined {
  if (!clock) return budget;
  const deadline = clock.now() + ms;
  return { get isCancelled() { return budget?.isCancelled === true || clock.now() >= deadline; } };
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
    const search = phasedSearch(this.index, this.weights, this.config, request, view);
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
    const context = { config: this.config, weights: this.weights, calibration: this.currentCalibration, complete: (r: CompletionRequest, o: CompleteOptions) => this.complete(r, o) };
    return { ...rankCandidates(search.vote(occurrences), composed, request, view, options, context), ...(cutShort ? { cutShort } : {}) };
  }
}
