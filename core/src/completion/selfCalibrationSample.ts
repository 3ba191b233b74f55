import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Random } from '../ports/random';
import type { GroupedCalibrationSample } from '../learning/groupedCalibration';
import type { CompletionCandidate, CompletionRequest, CompletionResult } from './completionTypes';
import { completionModeOf } from './completionMode';
import { splitLines } from './continuationIndex';
import { isEligibleTargetLine } from './nextLineCases';

/** What sampling needs of an engine: its indexed files and the leave-one-file-out cycle (a recording double in tests). */
export interface SelfCalibratingEngine {
  indexedFiles(): readonly { path: string; language: string; text: string }[];
  /** The file as indexed now (it may have changed or gone while sampling paused). */
  indexedFile(file: string): { path: string; language: string; text: string } | undefined;
  removeFile(file: string): void;
  addFile(file: string, language: string, text: string): void;
  complete(request: CompletionRequest, options: { showThreshold: number }): CompletionResult;
}

export interface SelfCalibrationSampling {
  /** Most files sampled (seeded). */
  files: number;
  /** Most held-out lines per file; each gives a next-line and, where a token boundary allows, a mid-line sample. */
  linesPerFile: number;
  random: Random;
  /** Lines never sampled (a benchmark keeps its evaluated cases out of the fit). */
  skipLine?: (file: string, line: number) => boolean;
  token?: Cancellation;
  /** Awaited between files, never while a file is held out, so the host answers requests meanwhile. */
  pause?: () => Promise<void>;
}

/** Up to `count` items, a seeded partial Fisher–Yates shuffle, in their original order. */
function pick<T>(items: readonly T[], count: number, random: Random): T[] {
  const order = items.map((_, i) => i);
  const take = Math.min(count, order.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random.next() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, take).sort((a, b) => a - b).map((i) => items[i]);
}

/** A token boundary after the first token and within the first 60 % of the line, seeded; undefined when none. */
function midLineCut(line: string, random: Random): number | undefined {
  const start = line.length - line.trimStart().length;
  const limit = start + Math.floor(0.6 * (line.trimEnd().length - start));
  const cuts: number[] = [];
  for (const m of line.matchAll(/[\p{L}\p{N}_$]+|\S/gu)) if (m.index > start && m.index <= limit) cuts.push(m.index);
  return cuts.length === 0 ? undefined : cuts[Math.floor(random.next() * cuts.length)];
}

/** Exactly right: every proposed line equals the file's line there, whitespace-trimmed; typed text counts as proposed. */
function isExact(candidate: CompletionCandidate, typed: string, truth: readonly string[]): boolean {
  const proposed = splitLines((typed.trim() === '' ? '' : typed) + candidate.text);
  return proposed.every((line, i) => truth[i] !== undefined && line.trim() === truth[i].trim());
}

function sampleOf(result: CompletionResult, typed: string, truth: readonly string[], language: string): GroupedCalibrationSample | undefined {
  const best = result.candidates[0];
  if (best === undefined) return undefined;
  const raw = best.rawConfidence ?? best.confidence;
  return { raw, mode: best.mode ?? completionModeOf(typed, best.text), language, correct: isExact(best, typed, truth) };
}

/** One file's samples; the caller holds the file out of the index meanwhile. */
function fileSamples(engine: SelfCalibratingEngine, file: { path: string; language: string; text: string }, sampling: SelfCalibrationSampling): GroupedCalibrationSample[] {
  const lines = splitLines(file.text);
  const eligible = lines.flatMap((line, i) => (isEligibleTargetLine(line) && !sampling.skipLine?.(file.path, i) ? [i] : []));
  const samples: GroupedCalibrationSample[] = [];
  for (const i of pick(eligible, sampling.linesPerFile, sampling.random)) {
    const before = lines.slice(0, i).map((l) => `${l}\n`).join('');
    const after = lines.slice(i + 1).join('\n');
    const truth = lines.slice(i);
    const ask = (prefix: string, suffix: string, typed: string) => {
      const request = { file: file.path, language: file.language, prefix, suffix };
      const sample = sampleOf(engine.complete(request, { showThreshold: 0 }), typed, truth, file.language);
      if (sample) samples.push(sample);
    };
    ask(before, after, '');
    const cut = midLineCut(lines[i], sampling.random);
    if (cut !== undefined) ask(before + lines[i].slice(0, cut), `\n${after}`, lines[i].slice(0, cut));
  }
  return samples;
}

/**
 * Labelled raw scores from the engine's own workspace, leave-one-file-out: for a seeded sample of indexed files,
 * each file is removed from the index, some of its lines are completed (next line, and mid-line from a seeded token
 * boundary) and the best candidate's raw score is labelled by whether it was exactly right, then the file is added
 * back (identical text revives it without re-tokenizing). Nothing a sample is scored on can come from the index.
 */
export async function sampleSelfCalibration(engine: SelfCalibratingEngine, sampling: SelfCalibrationSampling): Promise<GroupedCalibrationSample[]> {
  const paths = engine.indexedFiles().map((f) => f.path).sort();
  const samples: GroupedCalibrationSample[] = [];
  for (const path of pick(paths, sampling.files, sampling.random)) {
    await (sampling.pause ?? yieldToHost)();
    throwIfCancelled(sampling.token, 'self-calibration');
    const file = engine.indexedFile(path);
    if (file === undefined) continue;
    engine.removeFile(file.path);
    try {
      samples.push(...fileSamples(engine, file, sampling));
    } finally {
      engine.addFile(file.path, file.language, file.text);
    }
  }
  return samples;
}
