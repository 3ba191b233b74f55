import type { Cancellation } from '../ports/cancellation';
import type { Random } from '../ports/random';
import { expectedCalibrationError } from '../learning/expectedCalibrationError';
import type { GroupedCalibrationSample } from '../learning/groupedCalibration';
import { GroupedCalibration } from '../learning/groupedCalibration';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { linesPerSampledFile, sampleSelfCalibration } from './selfCalibrationSample';
import type { SelfCalibratingEngine } from './selfCalibrationSample';

export interface SelfCalibrationModeReport {
  mode: string;
  /** Held-out samples of this mode, over both folds. */
  samples: number;
  accuracy: number;
  eceRaw: number;
  /** ECE of the calibrated confidence, each sample calibrated by the map fitted on the other fold's files. */
  eceCalibrated: number;
}

/** FNV-1a of a path: which of the two folds a file is in, independent of the file order. */
function foldOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return hash & 1;
}

/**
 * How well the engine's self-calibration works on its workspace, per mode, out of sample: the files are split in two
 * folds by path; each fold's samples (`sampleSelfCalibration`, leave-one-file-out) are calibrated by the map fitted
 * on the other fold's, and the ECE of those calibrated confidences is compared with the raw score's.
 */
export async function selfCalibrationReport(
  engine: SelfCalibratingEngine & { readonly config: CompletionEngineConfig },
  options: { random: Random; bins: number; token?: Cancellation },
): Promise<SelfCalibrationModeReport[]> {
  const { calibrationFiles, calibrationLines, calibrationPriorStrength: priorStrength } = engine.config;
  const linesPerFile = linesPerSampledFile(calibrationLines, calibrationFiles, engine.indexedFiles().length);
  const folds: GroupedCalibrationSample[][] = [];
  for (const fold of [0, 1]) {
    folds.push(await sampleSelfCalibration(engine, {
      files: calibrationFiles, linesPerFile, random: options.random,
      skipLine: (file) => foldOf(file) !== fold, ...(options.token !== undefined ? { token: options.token } : {}),
    }));
  }
  const calibrated = folds.flatMap((samples, fold) => {
    const map = GroupedCalibration.fit(folds[1 - fold], { priorStrength });
    return samples.map((s) => ({ ...s, calibrated: map.calibrate(s.raw, s.mode, s.language) }));
  });
  const modes = [...new Set(calibrated.map((s) => s.mode))].sort();
  return modes.map((mode) => {
    const of = calibrated.filter((s) => s.mode === mode);
    return {
      mode,
      samples: of.length,
      accuracy: of.filter((s) => s.correct).length / of.length,
      eceRaw: expectedCalibrationError(of.map((s) => ({ confidence: s.raw, correct: s.correct })), options.bins),
      eceCalibrated: expectedCalibrationError(of.map((s) => ({ confidence: s.calibrated, correct: s.correct })), options.bins),
    };
  });
}
