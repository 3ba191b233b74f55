/** Why a training loop stopped. */
export type TrainingStopReason = 'target' | 'plateau' | 'exhausted' | 'max_epochs';

export interface TrainingStopConfig {
  /** Validation EM at which training is done. */
  targetEm: number;
  /** Epochs without a gain over the best EM before them that make a plateau. */
  patience: number;
  maxEpochs: number;
  /** Smallest EM rise that counts as a gain (one case in a few hundred is noise, not progress). */
  minGain: number;
}

/**
 * Whether to stop after the epochs measured so far (`history[0]` = before training, then one EM per epoch), or null
 * to go on. Target first (reaching it is success even on the last epoch), then plateau, then the epoch budget;
 * `exhausted` (nothing left to curate) is the caller's, since only it knows its material.
 */
export function trainingStop(history: readonly number[], config: TrainingStopConfig): TrainingStopReason | null {
  if (history.length === 0) return null;
  if (history[history.length - 1] >= config.targetEm) return 'target';
  const epochs = history.length - 1;
  if (epochs >= config.patience) {
    const before = Math.max(...history.slice(0, history.length - config.patience));
    const recent = Math.max(...history.slice(history.length - config.patience));
    if (recent < before + config.minGain) return 'plateau';
  }
  return epochs >= config.maxEpochs ? 'max_epochs' : null;
}
