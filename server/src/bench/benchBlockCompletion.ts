import { CompletionEngine } from '@arenalab/core';
import type { BenchSourceFile, Cancellation } from '@arenalab/core';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { runBlockBenchmark, sampleTargets } from '../evaluation';
import type { BlockRunResult, NextLineEngine, NextLineRunProgress } from '../evaluation';
import { languageMatcher, selfCalibrating, withSyntaxCheck } from './benchCompletion';
import type { BenchCompletionOptions } from './benchCompletion';

export type BenchBlockResult = { benchmark: 'block'; repo: string } & BlockRunResult;

/**
 * `arenalab bench completion --mode block`: the block protocol (`runBlockBenchmark`) on a real repository, its files
 * listed and sampled as for the next-line mode, so both modes see the same target files.
 */
export async function benchBlockCompletion(
  options: BenchCompletionOptions,
  token: Cancellation,
  progress: NextLineRunProgress,
  engine: NextLineEngine = new CompletionEngine(),
): Promise<BenchBlockResult> {
  const listed = listWorkspaceFiles(options.repo);
  const files: BenchSourceFile[] = listed.map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  const matches = languageMatcher(options.lang);
  const targets = sampleTargets(files.filter((f) => matches(f.language, f.path)).map((f) => f.path), options.maxFiles, options.seed);
  const checked = options.syntax && engine instanceof CompletionEngine ? await withSyntaxCheck(engine) : engine;
  // Calibrated first, as the language server's engine is, off the lines the block cases cover.
  const measured = engine instanceof CompletionEngine ? selfCalibrating(engine, checked, options.seed) : checked;
  const run = await runBlockBenchmark(files, targets, measured, { perFile: options.perFile, seed: options.seed }, token, progress);
  return { benchmark: 'block', repo: options.repo, ...run };
}
