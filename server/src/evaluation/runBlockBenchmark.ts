import {
  BLOCK_CASE_MAX_LINES, blockBodyLines, indentOf, JaccardCopyIndex, lastNonBlankAtOrBefore, sampleFileBlockCases, scoreBlock, splitLines, throwIfCancelled, yieldToHost,
} from '@arenalab/core';
import type { BenchSourceFile, BlockCase, BlockScore, Cancellation, NextLineSamplingConfig } from '@arenalab/core';
import { caseCalibration } from './caseCalibration';
import type { CaseCalibration } from './caseCalibration';
import { buildEngine, calibrateSkipping, mean, peakRssMb, percentile, round } from './runNextLineBenchmark';
import type { NextLineEngine, NextLineRunProgress } from './runNextLineBenchmark';

/** Block scores over a set of cases: whole body exact, leading lines right, first line exact. */
export interface BlockScores {
  block_em: number;
  lines_right: number;
  first_line_em: number;
}

export interface BlockRunResult {
  files: number;
  cases: number;
  engine: BlockScores & {
    /** The first line's edit similarity. */
    es: number;
    coverage: number;
    /** Among the shown cases (confidence at or above the show threshold): */
    shown_block_em: number | null;
    shown_lines_right: number | null;
    shown_first_line_em: number | null;
    /** Mean non-blank lines of a shown suggestion. */
    shown_lines: number | null;
    p50_ms: number;
    p95_ms: number;
    p99_ms: number;
  } & CaseCalibration;
  baselines: { 'jaccard-copy': BlockScores; 'first-line-only': BlockScores };
  /** The self-calibration fitted before the cases, off every line a block case covers: samples and seconds. */
  calibration: { samples: number; fit_s: number };
  index: { files: number; build_s: number; windows: number; rss_mb: number };
}

interface CaseResult extends BlockScore {
  /** A candidate came back (shown or not). */
  candidate: boolean;
  confidence: number;
  rawConfidence: number;
  ms: number;
  /** The same prediction cut to its first line: the single-line engine's answer. */
  firstOnly: BlockScore;
}


function scores(results: readonly BlockScore[]): BlockScores {
  return {
    block_em: round(mean(results.map((r) => Number(r.blockEm)))),
    lines_right: round(mean(results.map((r) => r.linesRight))),
    first_line_em: round(mean(results.map((r) => Number(r.firstLineEm)))),
  };
}

async function runFileCases(engine: NextLineEngine, file: BenchSourceFile, cases: readonly BlockCase[]): Promise<CaseResult[]> {
  engine.removeFile(file.path);
  try {
    const results: CaseResult[] = [];
    for (const c of cases) {
      const start = process.hrtime.bigint();
      const request = { file: c.file, language: c.language, prefix: c.prefix, suffix: c.suffix };
      const result = await engine.complete(request, { showThreshold: 0, maxLines: BLOCK_CASE_MAX_LINES });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const text = result.candidates[0]?.text ?? '';
      const best = result.candidates[0];
      const confidence = best?.confidence ?? result.bestConfidence;
      const rawConfidence = best?.rawConfidence ?? result.bestRawConfidence ?? confidence;
      const firstOnly = scoreBlock(text.split('\n', 1)[0], c.target);
      results.push({ ...scoreBlock(text, c.target), candidate: best !== undefined, confidence, rawConfidence, ms, firstOnly });
    }
    return results;
  } finally {
    engine.addFile(file.path, file.language, file.text);
  }
}

/** jaccard-copy as a block copier: the body that followed its most similar window, up to that block's end. */
async function runJaccardBaseline(files: readonly BenchSourceFile[], cases: readonly BlockCase[], token: Cancellation): Promise<BlockScores> {
  const index = new JaccardCopyIndex();
  const linesOf = new Map<string, string[]>();
  for (const file of files) {
    index.addFile(file);
    linesOf.set(file.path, splitLines(file.text));
  }
  await yieldToHost();
  throwIfCancelled(token, 'benchmark');
  return scores(cases.map((c) => {
    const predicted = index.predict(c.file, c.line, c.prefix);
    const lines = predicted.source === undefined ? undefined : linesOf.get(predicted.source.file);
    if (lines === undefined || predicted.source === undefined) return scoreBlock(predicted.text, c.target);
    const first = predicted.source.line;
    const opener = lastNonBlankAtOrBefore(lines, first - 1);
    const body = opener < 0 ? [] : blockBodyLines(lines, first, indentOf(lines[opener]), BLOCK_CASE_MAX_LINES);
    return scoreBlock(body[0] === first ? body.map((i) => lines[i]).join('\n') : predicted.text, c.target);
  }));
}

/** Lines after a block case's first body line kept out of calibration: its body and a margin (blank lines). */
const CALIBRATION_SKIP_LINES = 2 * BLOCK_CASE_MAX_LINES;

/** Whether a line may lie in the body of one of these block cases (sampled before any runs), kept out of calibration. */
function inCaseBodies(casesByFile: readonly (readonly BlockCase[])[]): (file: string, line: number) => boolean {
  const starts = new Map<string, number[]>();
  for (const cases of casesByFile) for (const c of cases) starts.set(c.file, [...(starts.get(c.file) ?? []), c.line]);
  return (file, line) => starts.get(file)?.some((first) => line >= first && line < first + CALIBRATION_SKIP_LINES) === true;
}

/**
 * The block benchmark: like the next-line one (every file indexed, each target file held out while its cases run),
 * with the cursor at the start of a block's first body line and the body as the target (`sampleFileBlockCases`).
 * Baselines on the same cases: jaccard-copy copying the body after its best window, and the engine's own prediction
 * cut to its first line (what a single-line engine shows).
 */
export async function runBlockBenchmark(
  files: readonly BenchSourceFile[],
  targets: readonly string[],
  engine: NextLineEngine,
  sampling: NextLineSamplingConfig,
  token: Cancellation,
  progress: NextLineRunProgress,
): Promise<BlockRunResult> {
  const build_s = await buildEngine(engine, files, token, progress.phase('index'));
  const windows = engine.stats.windows;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const targetFiles = targets.map((path) => byPath.get(path)).filter((f): f is BenchSourceFile => f !== undefined);
  const casesByFile = targetFiles.map((file) => sampleFileBlockCases(file, sampling));
  const calibration = await calibrateSkipping(engine, inCaseBodies(casesByFile), token);
  const allCases: BlockCase[] = [];
  const results: CaseResult[] = [];
  const running = progress.phase('completion');
  for (let i = 0; i < targetFiles.length; i++) {
    running.report(i, targetFiles.length, `${results.length} cases`);
    await yieldToHost();
    throwIfCancelled(token, 'benchmark');
    const cases = casesByFile[i];
    if (cases.length === 0) continue;
    allCases.push(...cases);
    results.push(...(await runFileCases(engine, targetFiles[i], cases)));
  }
  const rss_mb = peakRssMb();
  const jaccard = await runJaccardBaseline(files, allCases, token);
  const shown = results.filter((r) => r.confidence >= engine.config.showThreshold);
  const shownMean = (f: (r: CaseResult) => number) => (shown.length === 0 ? null : round(mean(shown.map(f))));
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    files: targetFiles.length,
    cases: results.length,
    engine: {
      ...scores(results),
      es: round(mean(results.map((r) => r.firstLineEs))),
      coverage: round(results.length === 0 ? 0 : shown.length / results.length),
      shown_block_em: shownMean((r) => Number(r.blockEm)),
      shown_lines_right: shownMean((r) => r.linesRight),
      shown_first_line_em: shownMean((r) => Number(r.firstLineEm)),
      shown_lines: shownMean((r) => r.lines),
      p50_ms: round(percentile(latencies, 50), 3),
      p95_ms: round(percentile(latencies, 95), 3),
      p99_ms: round(percentile(latencies, 99), 3),
      // A suggestion claims the lines it shows (a block, or the single line it fell back to): right when all of them are.
      ...caseCalibration(results.map((r) => ({ candidate: r.candidate, confidence: r.confidence, rawConfidence: r.rawConfidence, em: r.lines > 0 && r.linesRight === r.lines })), engine.config.showThreshold),
    },
    baselines: { 'jaccard-copy': jaccard, 'first-line-only': scores(results.map((r) => r.firstOnly)) },
    calibration,
    index: { files: files.length, build_s: round(build_s, 3), windows, rss_mb },
  };
}
