import { JaccardCopyIndex, sampleFileCases, scoreLine, throwIfCancelled, yieldToHost } from '@arenalab/core';
import { caseCalibration } from './caseCalibration';
import type { CaseCalibration } from './caseCalibration';
import type {
  BenchSourceFile, Cancellation, CompleteOptions, CompletionRequest, CompletionResult, NextLineSamplingConfig, Progress,
} from '@arenalab/core';
import { restAfterTyped, sampleBenchCases } from './benchCases';
import type { BenchCase, BenchMode } from './benchCases';

/** What the benchmark needs from an engine: the CompletionEngine's surface (a recording double in the leakage test). */
export interface NextLineEngine {
  readonly config: { showThreshold: number };
  readonly stats: { files: number; windows: number };
  addFile(file: string, language: string, text: string): void;
  removeFile(file: string): void;
  complete(request: CompletionRequest, options?: CompleteOptions): CompletionResult | Promise<CompletionResult>;
  /**
   * Fits the engine's confidence calibration on its own index, never on a line `skipLine` names (the evaluated
   * cases); returns the samples it used. Absent (a double), the benchmark measures the raw score.
   */
  calibrate?(skipLine: (file: string, line: number) => boolean, token: Cancellation): Promise<number>;
}

export interface NextLineScores {
  em: number;
  es: number;
}

export interface NextLineRunResult {
  files: number;
  cases: number;
  engine: NextLineScores & CaseCalibration & { coverage: number; shown_em: number | null; p50_ms: number; p95_ms: number; p99_ms: number };
  /** The self-calibration fitted before the cases: samples used (0 when the engine does not calibrate) and seconds. */
  calibration: { samples: number; fit_s: number };
  /** jaccard-copy: the line after the most similar window; copy-only: this engine without token-level synthesis. */
  baselines: { 'jaccard-copy': NextLineScores; 'copy-only': NextLineScores };
  index: { files: number; build_s: number; windows: number; rss_mb: number };
}

export interface NextLineRunProgress {
  phase(label: string): Progress;
}

/** Files between two yields to the host while indexing. */
const BATCH = 25;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The engine's whole-line prediction: its first candidate up to the first line break; '' without a candidate. */
export function predictedLine(result: CompletionResult): string {
  return (result.candidates[0]?.text ?? '').split(/\r?\n/, 1)[0];
}

interface EngineCaseResult extends NextLineCaseOutcome {
  ms: number;
  /** The same case answered with synthesis off (the copy-only baseline). */
  copyOnly: { em: boolean; es: number };
}

/** One engine case as `onCase` reports it: where, the truth, the prediction, how right and how sure. */
export interface NextLineCaseOutcome {
  file: string;
  language: string;
  /** 0-based target line. */
  line: number;
  target: string;
  prediction: string;
  em: boolean;
  es: number;
  confidence: number;
  /** The uncalibrated score of the same candidate. */
  rawConfidence: number;
  /** Whether the engine had a candidate at all. */
  candidate: boolean;
}

export async function buildEngine(engine: NextLineEngine, files: readonly BenchSourceFile[], token: Cancellation, progress: Progress): Promise<number> {
  let elapsed = 0;
  for (let i = 0; i < files.length; i++) {
    if (i % BATCH === 0) {
      progress.report(i, files.length);
      await yieldToHost();
      throwIfCancelled(token, 'benchmark index build');
    }
    const start = process.hrtime.bigint();
    engine.addFile(files[i].path, files[i].language, files[i].text);
    elapsed += seconds(start);
  }
  return elapsed;
}

/**
 * One target file's cases with the file held out: removed from the index before its first case and added back after
 * its last (also on cancellation or error), so the engine sees only the prefix and suffix the request carries.
 */
async function runFileCases(engine: NextLineEngine, file: BenchSourceFile, cases: readonly BenchCase[]): Promise<EngineCaseResult[]> {
  engine.removeFile(file.path);
  try {
    const results: EngineCaseResult[] = [];
    for (const c of cases) {
      const request = { file: c.file, language: c.language, prefix: c.prefix, suffix: c.suffix };
      const start = process.hrtime.bigint();
      const result = await engine.complete(request, { showThreshold: 0 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const prediction = predictedLine(result);
      const copyOnly = scoreLine(predictedLine(await engine.complete(request, { showThreshold: 0, synthesis: false })), c.target);
      const scored = { ...scoreLine(prediction, c.target), confidence: result.bestConfidence, rawConfidence: result.bestRawConfidence ?? result.bestConfidence, candidate: result.candidates.length > 0 };
      results.push({ file: c.file, language: c.language, line: c.line, target: c.target, prediction, ...scored, ms, copyOnly });
    }
    return results;
  } finally {
    engine.addFile(file.path, file.language, file.text);
  }
}

/**
 * The engine's self-calibration, kept off the evaluated lines: the cases each target file will be asked are known
 * from the seeded sampler before any is run, and those lines are never calibration samples.
 */
async function calibrateOffCases(engine: NextLineEngine, targetFiles: readonly BenchSourceFile[], sampling: NextLineSamplingConfig, token: Cancellation): Promise<NextLineRunResult['calibration']> {
  const caseLines = new Map(targetFiles.map((f) => [f.path, new Set(sampleFileCases(f, sampling).map((c) => c.line))]));
  return calibrateSkipping(engine, (file, line) => caseLines.get(file)?.has(line) === true, token);
}

/** The engine's self-calibration on every line but those `skipLine` names, timed; nothing when it does not calibrate. */
export async function calibrateSkipping(engine: NextLineEngine, skipLine: (file: string, line: number) => boolean, token: Cancellation): Promise<NextLineRunResult['calibration']> {
  if (engine.calibrate === undefined) return { samples: 0, fit_s: 0 };
  const start = process.hrtime.bigint();
  const samples = await engine.calibrate(skipLine, token);
  return { samples, fit_s: round(seconds(start), 3) };
}

/** What the baseline needs of a case; its prefix is re-sliced from the file text when scored. */
interface BaselineCase {
  file: string;
  line: number;
  target: string;
  prefixLength: number;
  /** Mid-line: what was typed on the line (the whole-line prediction must start with it). */
  typed?: string;
}

async function runBaseline(
  files: readonly BenchSourceFile[],
  cases: readonly BaselineCase[],
  byPath: ReadonlyMap<string, BenchSourceFile>,
  token: Cancellation,
  progress: NextLineRunProgress,
): Promise<NextLineScores> {
  const index = new JaccardCopyIndex();
  const building = progress.phase('jaccard-copy index');
  for (let i = 0; i < files.length; i++) {
    if (i % BATCH === 0) {
      building.report(i, files.length);
      await yieldToHost();
      throwIfCancelled(token, 'benchmark');
    }
    index.addFile(files[i]);
  }
  const scoring = progress.phase('jaccard-copy');
  const scores = [];
  for (let i = 0; i < cases.length; i++) {
    if (i % 100 === 0) {
      scoring.report(i, cases.length);
      await yieldToHost();
      throwIfCancelled(token, 'benchmark');
    }
    const c = cases[i];
    const prefix = (byPath.get(c.file)?.text ?? '').slice(0, c.prefixLength);
    scores.push(scoreLine(restAfterTyped(index.predict(c.file, c.line, prefix).text, c.typed), c.target));
  }
  return { em: round(mean(scores.map((s) => Number(s.em)))), es: round(mean(scores.map((s) => s.es))) };
}

/**
 * The next-line benchmark over files in memory: index every file, then for each target file sample its
 * cases and run them with the file held out, timing each `complete`; then score jaccard-copy on the same cases.
 * Peak RSS is read before the baseline is built, so it measures the engine (and the corpus in memory) only.
 */
export async function runNextLineBenchmark(
  files: readonly BenchSourceFile[],
  targets: readonly string[],
  engine: NextLineEngine,
  sampling: NextLineSamplingConfig,
  token: Cancellation,
  progress: NextLineRunProgress,
  /** Called once per engine case with its best confidence and whether it was an exact match (calibration, gaps). */
  onCase?: (result: NextLineCaseOutcome) => void,
  mode: BenchMode = 'next-line',
): Promise<NextLineRunResult> {
  const build_s = await buildEngine(engine, files, token, progress.phase('index'));
  const windows = engine.stats.windows;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const targetFiles = targets.map((path) => byPath.get(path)).filter((f): f is BenchSourceFile => f !== undefined);
  const calibration = await calibrateOffCases(engine, targetFiles, sampling, token);
  // Cases keep where their prefix ends, not the prefix itself: a copy per case would hold the corpus many times over.
  const allCases: BaselineCase[] = [];
  const results: EngineCaseResult[] = [];
  const running = progress.phase('completion');
  for (let i = 0; i < targetFiles.length; i++) {
    running.report(i, targetFiles.length, `${results.length} cases`);
    await yieldToHost();
    throwIfCancelled(token, 'benchmark');
    const cases = sampleBenchCases(targetFiles[i], sampling, mode);
    if (cases.length === 0) continue;
    // The baseline sees the text before the target line; what was typed on it is kept apart.
    allCases.push(...cases.map((c) => ({ file: c.file, line: c.line, target: c.target, prefixLength: c.prefix.length - (c.typed?.length ?? 0), ...(c.typed !== undefined ? { typed: c.typed } : {}) })));
    results.push(...(await runFileCases(engine, targetFiles[i], cases)));
  }
  for (const { ms: _ms, copyOnly: _copyOnly, ...outcome } of results) onCase?.(outcome);
  const rss_mb = peakRssMb();
  const baseline = await runBaseline(files, allCases, byPath, token, progress);
  const shown = results.filter((r) => r.confidence >= engine.config.showThreshold);
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    files: targetFiles.length,
    cases: results.length,
    engine: {
      em: round(mean(results.map((r) => Number(r.em)))),
      es: round(mean(results.map((r) => r.es))),
      coverage: round(results.length === 0 ? 0 : shown.length / results.length),
      shown_em: shown.length === 0 ? null : round(mean(shown.map((r) => Number(r.em)))),
      p50_ms: round(percentile(latencies, 50), 3),
      p95_ms: round(percentile(latencies, 95), 3),
      p99_ms: round(percentile(latencies, 99), 3),
      ...caseCalibration(results, engine.config.showThreshold),
    },
    baselines: {
      'jaccard-copy': baseline,
      'copy-only': { em: round(mean(results.map((r) => Number(r.copyOnly.em)))), es: round(mean(results.map((r) => r.copyOnly.es))) },
    },
    index: { files: files.length, build_s: round(build_s, 3), windows, rss_mb },
    calibration,
  };
}
