import type { Cancellation } from '../ports/cancellation';
import type { Random } from '../ports/random';
import type { Span } from '../spans/span';
import type { GroupedCalibrationSample } from '../learning/groupedCalibration';
import { GroupedCalibration } from '../learning/groupedCalibration';
import { ratedOutcomeOf } from '../learning/outcomeRating';
import type { CompletionEngine } from './completionEngine';
import { COMPLETION_MODES } from './completionMode';
import { linesPerSampledFile, sampleSelfCalibration } from './selfCalibrationSample';

export interface SelfCalibrationRun {
  random: Random;
  token?: Cancellation;
  /** Awaited before each held-out case (see `sampleSelfCalibration`). */
  pause?: () => Promise<void>;
  /** Lines never sampled. */
  skipLine?: (file: string, line: number) => boolean;
}

/** Outcome samples kept, newest last: a long session's verdicts weigh in without growing the server without bound. */
const MAX_OUTCOMES = 5000;

/**
 * A suggestion outcome span as a labelled sample: accepted in full is right; partially accepted, or dismissed
 * explicitly or by typing something else, is wrong; a dismissal by timeout says nothing and is skipped, as is a
 * span without the raw score, mode and language the suggestion was shown with.
 */
export function outcomeCalibrationSample(span: Span): GroupedCalibrationSample | undefined {
  const outcome = ratedOutcomeOf(span);
  if (span.did !== 'suggest_completion' || outcome === undefined) return undefined;
  const { raw_confidence: raw, mode, language, dismiss_reason: reason } = span.metadata ?? {};
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1) || typeof language !== 'string') return undefined;
  if (typeof mode !== 'string' || !(COMPLETION_MODES as readonly string[]).includes(mode)) return undefined;
  if (outcome === 'dismissed' && reason === 'timeout') return undefined;
  return { raw, mode, language, correct: outcome === 'accepted' };
}

/**
 * The engine calibrating its own confidence: a leave-one-file-out sample of its workspace (`fitWorkspace`, run in
 * the background once the index is ready), plus every labelled outcome as it arrives (`addOutcome`), refitted into
 * the engine's `GroupedCalibration` after each. Refitting is a few Newton steps over at most a few thousand samples.
 */
export class SelfCalibration {
  private workspace: GroupedCalibrationSample[] = [];
  private readonly outcomes: GroupedCalibrationSample[] = [];
  /** Outcome span ids already counted: a store replayed after its spans were observed live counts each once. */
  private readonly seen = new Set<string>();

  constructor(private readonly engine: CompletionEngine) {}

  get samples(): number {
    return this.workspace.length + this.outcomes.length;
  }

  /** Samples the workspace (replacing an earlier workspace sample) and refits; returns the sample count. */
  async fitWorkspace(run: SelfCalibrationRun): Promise<number> {
    const { calibrationFiles, calibrationLines } = this.engine.config;
    if (calibrationFiles <= 0) return 0;
    const linesPerFile = linesPerSampledFile(calibrationLines, calibrationFiles, this.engine.stats.files);
    this.workspace = await sampleSelfCalibration(this.engine, {
      files: calibrationFiles, linesPerFile, random: run.random,
      ...(run.token !== undefined ? { token: run.token } : {}), ...(run.pause !== undefined ? { pause: run.pause } : {}),
      ...(run.skipLine !== undefined ? { skipLine: run.skipLine } : {}),
    });
    this.refit();
    return this.workspace.length;
  }

  /** One labelled outcome (see `outcomeCalibrationSample`); refits. */
  addOutcome(sample: GroupedCalibrationSample): void {
    this.outcomes.push(sample);
    this.trimAndRefit();
  }

  /** Outcome spans as they are recorded: those that label a suggestion are added, each id once; returns how many. */
  observe(spans: readonly Span[]): number {
    let added = 0;
    for (const span of spans) {
      const sample = outcomeCalibrationSample(span);
      if (sample === undefined || this.seen.has(span.id)) continue;
      this.seen.add(span.id);
      this.outcomes.push(sample);
      added++;
    }
    if (added > 0) this.trimAndRefit();
    return added;
  }

  private trimAndRefit(): void {
    if (this.outcomes.length > MAX_OUTCOMES) this.outcomes.splice(0, this.outcomes.length - MAX_OUTCOMES);
    this.refit();
  }

  private refit(): void {
    const samples = [...this.workspace, ...this.outcomes];
    const { calibrationPriorStrength: priorStrength, calibrationMinSamples } = this.engine.config;
    this.engine.setCalibration(samples.length < calibrationMinSamples ? GroupedCalibration.identity() : GroupedCalibration.fit(samples, { priorStrength }));
  }
}
