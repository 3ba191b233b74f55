import { compareWithBaselines, qaTier, runMcBenchmark, splitByHash, systemClock } from '@arenalab/core';
import type { BaselineComparison, Cancellation, Clock, McBenchResult, PhasedProgress, QaTier } from '@arenalab/core';
import { readMmlu, readTruthfulQa, QaBenchmarkInputError } from './readQaBenchmarks';

export interface BenchQaOptions {
  mmlu?: string;
  truthfulqa?: string;
  /** Confidence at or above which an answer counts as given rather than "I don't know". */
  threshold: number;
  seed: number;
  /** Share of TruthfulQA questions used as memory (it ships no dev split); the rest are scored. */
  memoryShare: number;
}

export interface BenchQaResult {
  benchmark: 'qa';
  threshold: number;
  mmlu?: McBenchResult & { dir: string; subjects: number; memory_from: string };
  truthfulqa?: McBenchResult & { file: string; memory_share: number; seed: number };
  /** The tier on forced-choice accuracy in percent; null unless both benchmarks ran. */
  tier: QaTier | null;
  /** The published baseline table (not re-measured here) against ours; empty unless both ran. */
  baselines: BaselineComparison[];
  problems: string[];
  note: string;
}

const NOTE =
  'Retrieval only: each test question is answered by the chat engine from a memory of dev/validation questions and their answers; ' +
  'it knows nothing else, so accuracy near chance is the expected, honest result on unseen questions.';

/** `arenalab bench qa`: MMLU and/or TruthfulQA scored by the chat engine's retrieval, with coverage, ECE and the tier. */
export async function benchQa(options: BenchQaOptions, token: Cancellation, progress: PhasedProgress, clock: Clock = systemClock): Promise<BenchQaResult> {
  if (!options.mmlu && !options.truthfulqa) throw new QaBenchmarkInputError('give --mmlu DIR and/or --truthfulqa FILE');
  const result: BenchQaResult = { benchmark: 'qa', threshold: options.threshold, tier: null, baselines: [], problems: [], note: NOTE };
  const run = { threshold: options.threshold, seed: options.seed, clock };
  if (options.mmlu) {
    const data = readMmlu(options.mmlu);
    result.problems.push(...data.problems);
    const scored = await runMcBenchmark(data.memory, data.test, run, token, progress.phase('mmlu'));
    result.mmlu = { dir: options.mmlu, subjects: data.subjects.length, memory_from: 'dev + val', ...scored };
  }
  if (options.truthfulqa) {
    const data = readTruthfulQa(options.truthfulqa);
    result.problems.push(...data.problems);
    const split = splitByHash(data.items, options.memoryShare, options.seed);
    const scored = await runMcBenchmark(split.memory, split.test, run, token, progress.phase('truthfulqa'));
    result.truthfulqa = { file: options.truthfulqa, memory_share: options.memoryShare, seed: options.seed, ...scored };
  }
  if (result.mmlu && result.truthfulqa) {
    const t = Math.round(result.truthfulqa.accuracy * 1000) / 10;
    const m = Math.round(result.mmlu.accuracy * 1000) / 10;
    result.tier = qaTier(t, m);
    result.baselines = compareWithBaselines(t, m);
  }
  return result;
}
