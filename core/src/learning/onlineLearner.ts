import type { Span } from '../spans/span';
import type { CalibrationPoint } from './expectedCalibrationError';
import type { LearningResult, LearnOptions } from './learnFromOutcomes';
import { influenceOf, learnFromOutcomes, outcomeWeightUpdates } from './learnFromOutcomes';
import { outcomeCalibrationPoints } from './outcomeCalibrationPoints';
import { thresholdForPrecision } from './thresholdForPrecision';
import type { TrajectoryWeights, WeightUpdate } from './trajectoryWeights';

/** Kinds of span that carry outcomes; everything else is ignored by the learner. */
const OUTCOME_ACTIONS = new Set(['suggest_completion', 'check_retention', 'run_tests', 'run_task']);

/** The show threshold a host should use, and where it came from. */
export interface ShowThreshold {
  threshold: number;
  /** True when it was fitted for the target precision on logged outcomes; false for the fallback. */
  calibrated: boolean;
  /** Precision and coverage the threshold had on the logged outcomes (calibrated only). */
  precision?: number;
  coverage?: number;
  points: number;
}

/**
 * The learning loop of a long-running host (the language server): outcome spans go in as they are recorded (or all
 * at once from the store at start-up), their weight updates are applied to the engine's TrajectoryWeights at once,
 * and deleting spans unlearns them with everything that depends on them. Diamond candidates and synthetic spans are
 * derived on demand (`learned()`), since clustering costs more than one outcome is worth.
 */
export class OnlineLearner {
  private readonly spans = new Map<string, Span>();
  private readonly suggestions = new Map<string, Span>();

  constructor(
    readonly weights: TrajectoryWeights,
    private readonly options: LearnOptions = {},
  ) {}

  /** Outcome spans observed and not forgotten. */
  get size(): number {
    return this.spans.size;
  }

  /** Takes in outcome spans (others and already known ids are ignored) and applies their weight updates. */
  observe(spans: readonly Span[]): WeightUpdate[] {
    const fresh = spans.filter((s) => OUTCOME_ACTIONS.has(s.did) && !this.spans.has(s.id));
    for (const span of fresh) {
      this.spans.set(span.id, span);
      if (span.did === 'suggest_completion') this.suggestions.set(span.id, span);
    }
    const updates = outcomeWeightUpdates(fresh, this.suggestions);
    this.weights.apply(updates);
    return updates;
  }

  /** Deletes spans and every span citing them (transitively) and unlearns their updates; returns the ids removed. */
  forget(ids: Iterable<string>): string[] {
    const gone = [...influenceOf([...this.spans.values()], ids)].filter((id) => this.spans.has(id));
    for (const id of gone) {
      this.spans.delete(id);
      this.suggestions.delete(id);
      this.weights.unlearnOutcome(id);
    }
    return gone;
  }

  /** Diamond candidates and synthetic spans of everything observed; kept ones are for the store and datasets. */
  learned(): LearningResult {
    return learnFromOutcomes([...this.spans.values()], this.options);
  }

  calibrationPoints(): CalibrationPoint[] {
    return outcomeCalibrationPoints([...this.spans.values()]);
  }

  /**
   * The show threshold for a target precision (the user's `targetPrecision` setting), fitted on the logged outcomes;
   * `fallback` (the engine's default) without a target, or while fewer than `minShown` logged suggestions would be
   * shown at any threshold reaching it.
   */
  showThreshold(target: number | undefined, fallback: number, minShown = 20): ShowThreshold {
    const points = this.calibrationPoints();
    const found = target === undefined ? undefined : thresholdForPrecision(points, target, minShown);
    if (!found) return { threshold: fallback, calibrated: false, points: points.length };
    return { threshold: found.threshold, calibrated: true, precision: found.precision, coverage: found.coverage, points: points.length };
  }
}
