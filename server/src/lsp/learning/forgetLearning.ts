import type { CompletionEngine, OnlineLearner, SelfCalibration } from '@arenalab/core';

/** What unlearning touches: the online learner's updates and the engine's trust in places. */
export interface LearningDeps {
  readonly learner: OnlineLearner;
  readonly engine: Pick<CompletionEngine, 'weights'>;
  /** Also given the store's outcomes on replay, as labelled calibration samples (absent: not calibrated from them). */
  readonly calibration?: Pick<SelfCalibration, 'observe'>;
}

/**
 * Unlearns in the running creature: the spans with every outcome citing them (the learner unlearns exactly their
 * updates), a source id's own trust, and the trust of every place of a file (by engine key). Shared by
 * `arenalab/forget` and the replay of a store's tombstones, so both forget alike.
 */
export function forgetLearning(deps: LearningDeps, spanIds: readonly string[], fileKey: string | undefined): { outcomes: string[]; sources: number } {
  const outcomes = deps.learner.forget(spanIds);
  const forgotten = new Set(outcomes);
  let sources = spanIds.filter((id) => !forgotten.has(id) && deps.engine.weights.unlearnSource(id)).length;
  if (fileKey !== undefined) sources += deps.engine.weights.unlearnFile(fileKey);
  return { outcomes, sources };
}
