import * as fs from 'node:fs';
import * as path from 'node:path';
import { calibrationReport, CompletionEngine, outcomeCalibrationPoints, seededRandom, selfCalibrationReport } from '@arenalab/core';
import type { CalibrationMethod, CalibrationPoint, CalibrationReport, Cancellation, Progress, SerializedCalibrator } from '@arenalab/core';
import { loadStoreSpans, LOG_FILE_NAME } from '../store';
import { benchCompletion } from './benchCompletion';

export interface BenchCalibrationOptions {
  /** Store whose logged suggestion outcomes are calibrated on; skipped when it holds no log. */
  store: string;
  /** Repository whose next-line benchmark cases are calibrated on (exact match = right). */
  repo?: string;
  perFile: number;
  maxFiles?: number;
  seed: number;
  method: CalibrationMethod;
  bins: number;
  folds: number;
  targetPrecision: number;
}

/** One source of points, as printed: the report without its calibrator object, the fitted map as JSON. */
export interface CalibrationSourceResult {
  points: number;
  accuracy: number;
  ece_before: number;
  ece_after: number;
  target_precision: number;
  /** The show threshold (in the confidence the points carry) for the target precision; null when no threshold reaches it. */
  threshold: { threshold: number; precision: number; coverage: number; shown: number } | null;
  calibrator: SerializedCalibrator | null;
}

export interface BenchCalibrationResult {
  benchmark: 'calibration';
  method: CalibrationMethod;
  bins: number;
  folds: number;
  /** Logged outcomes (shown → accepted and kept, or dismissed); null without a store log. */
  store: (CalibrationSourceResult & { path: string }) | null;
  /** Next-line benchmark cases (best confidence → exact match); null without --repo. */
  benchmark_cases: (CalibrationSourceResult & { repo: string }) | null;
  /**
   * The engine's self-calibration on the repository, per mode, cross-fitted over two folds of its files: ECE of the
   * raw score and of the calibrated confidence; null without --repo.
   */
  self_calibration: { mode: string; samples: number; accuracy: number; ece_raw: number; ece_calibrated: number }[] | null;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function summarise(report: CalibrationReport, target: number): CalibrationSourceResult {
  const t = report.threshold;
  return {
    points: report.points,
    accuracy: round(report.accuracy),
    ece_before: round(report.eceBefore),
    ece_after: round(report.eceAfter),
    target_precision: target,
    threshold: t ? { threshold: round(t.threshold), precision: round(t.precision), coverage: round(t.coverage), shown: t.shown } : null,
    calibrator: report.calibrator.toJSON(),
  };
}

/**
 * `arenalab calibrate`: fits the confidence calibration on the store's logged outcomes and, with a repository, on
 * the next-line benchmark's cases; prints the ECE before and after (cross-fitted) and the show threshold that
 * reaches the target precision.
 */
export async function benchCalibration(options: BenchCalibrationOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<BenchCalibrationResult> {
  const report = (points: CalibrationPoint[]) =>
    summarise(calibrationReport(points, { method: options.method, bins: options.bins, folds: options.folds, targetPrecision: options.targetPrecision, random: seededRandom(options.seed) }), options.targetPrecision);
  let store: BenchCalibrationResult['store'] = null;
  if (fs.existsSync(path.join(options.store, LOG_FILE_NAME))) {
    const spans = await loadStoreSpans(options.store, token, progress.phase('read store'));
    store = { path: options.store, ...report(outcomeCalibrationPoints(spans)) };
  }
  let cases: BenchCalibrationResult['benchmark_cases'] = null;
  let self: BenchCalibrationResult['self_calibration'] = null;
  if (options.repo !== undefined) {
    const points: CalibrationPoint[] = [];
    const bench = { repo: options.repo, perFile: options.perFile, seed: options.seed, ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}) };
    const engine = new CompletionEngine();
    await benchCompletion(bench, token, progress, engine, (c) => points.push({ confidence: Math.min(1, Math.max(0, c.confidence)), correct: c.em }));
    cases = { repo: options.repo, ...report(points) };
    // The benchmark leaves every file indexed: the same engine is split in two folds of files for the self-calibration check.
    const modes = await selfCalibrationReport(engine, { random: seededRandom(options.seed), bins: options.bins, token });
    self = modes.map((m) => ({ mode: m.mode, samples: m.samples, accuracy: round(m.accuracy), ece_raw: round(m.eceRaw), ece_calibrated: round(m.eceCalibrated) }));
  }
  return { benchmark: 'calibration', method: options.method, bins: options.bins, folds: options.folds, store, benchmark_cases: cases, self_calibration: self };
}
