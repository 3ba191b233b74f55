import { midLineCase, sampleFileCases } from '@arenalab/core';
import type { BenchSourceFile, NextLineCase, NextLineSamplingConfig } from '@arenalab/core';

/** What `bench completion --mode` measures: the whole next line, or the rest of a line typed in part. */
export type BenchMode = 'next-line' | 'mid-line';

export const BENCH_MODES: readonly BenchMode[] = ['next-line', 'mid-line'];

/** A benchmark case: a next-line case, or a mid-line one with what was typed on the line. */
export type BenchCase = NextLineCase & { typed?: string };

/**
 * The cases of one file for a mode. Mid-line cases are the next-line ones with the cursor moved to a seeded token
 * boundary in the first 60 % of the line (`midLineCase`); lines of one token drop out.
 */
export function sampleBenchCases(file: BenchSourceFile, sampling: NextLineSamplingConfig, mode: BenchMode): BenchCase[] {
  const cases = sampleFileCases(file, sampling);
  if (mode === 'next-line') return cases;
  const lines = file.text.split('\n');
  return cases.flatMap((c) => midLineCase(c, lines[c.line].replace(/\r$/, ''), sampling.seed) ?? []);
}

/**
 * A whole-line prediction as a mid-line answer: the rest after what was typed when it starts with it, else nothing
 * (a line that contradicts what was typed is not an answer).
 */
export function restAfterTyped(line: string, typed: string | undefined): string {
  if (typed === undefined) return line;
  const head = typed.trim();
  const trimmed = line.trim();
  return trimmed.startsWith(head) ? trimmed.slice(head.length) : '';
}
