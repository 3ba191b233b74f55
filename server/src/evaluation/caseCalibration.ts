import { expectedCalibrationError } from '@arenalab/core';

/** What calibration needs of a benchmark case, in any mode: did it get a candidate, how sure, exactly right? */
export interface CalibratedCase {
  /** The case got a candidate (cases without one claim nothing and are left out). */
  candidate: boolean;
  /** The engine's confidence: calibrated once the engine has fitted its calibration. */
  confidence: number;
  /** The uncalibrated score of the same candidate. */
  rawConfidence: number;
  em: boolean;
}

export interface CaseCalibration {
  /** ECE (10 equal-width bins) of the confidence vs exact match, over the cases that got a candidate. */
  ece: number;
  /** The same for the raw score: what calibration changed. */
  raw_ece: number;
  /** Coverage and shown EM had the raw score been compared with the show threshold (before calibration). */
  raw_coverage: number;
  raw_shown_em: number | null;
}

export const ECE_BINS = 10;

const round = (x: number) => Math.round(x * 10000) / 10000;
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Calibration of a benchmark's cases, whatever their mode: the ECE of the confidence the engine reported and of its
 * raw score, and coverage / shown EM at the show threshold for the raw score, measured on the same cases.
 */
export function caseCalibration(cases: readonly CalibratedCase[], showThreshold: number): CaseCalibration {
  const answered = cases.filter((c) => c.candidate);
  const ece = expectedCalibrationError(answered.map((c) => ({ confidence: clamp(c.confidence), correct: c.em })), ECE_BINS);
  const rawEce = expectedCalibrationError(answered.map((c) => ({ confidence: clamp(c.rawConfidence), correct: c.em })), ECE_BINS);
  const rawShown = answered.filter((c) => c.rawConfidence >= showThreshold && c.rawConfidence > 0);
  return {
    ece: round(ece),
    raw_ece: round(rawEce),
    raw_coverage: round(cases.length === 0 ? 0 : rawShown.length / cases.length),
    raw_shown_em: rawShown.length === 0 ? null : round(rawShown.filter((c) => c.em).length / rawShown.length),
  };
}
