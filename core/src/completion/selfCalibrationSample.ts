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
  /** Awaited before each case, never while a file is held out, so the host answers requests meanwhile. */
  pause?: () => Promise<void>;
}

/** Lines per file that spread `lines` held-out lines over the files sampled (at most `files` of `indexed`). */
export function linesPerSampledFile(lines: number, files: number, indexed: number): number {
  return Math.max(1, Math.ceil(lines / Math.max(1, Math.min(files, indexed))));
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

/** One held-out completion: what the engine is given, what was typed on the line, and the file's lines from there. */
interface HeldOutCase {
  prefix: string;
  suffix: string;
  typed: string;
  truth: readonly string[];
}

/** A file's cases: seeded eligible lines, each asked for as a next line and, from a seeded token boundary, mid-line. */
function fileCases(file: { path: string; text: string }, sampling: SelfCalibrationSampling): HeldOutCase[] {
  const lines = splitLines(file.text);
  const eligible = lines.flatMap((line, i) => (isEligibleTargetLine(line) && !sampling.skipLine?.(file.path, i) ? [i] : []));
  return pick(eligible, sampling.linesPerFile, sampling.random).flatMap((i) => {
    const before = lines.slice(0, i).map((l) => `${l}\n`).join('');
    const after = lines.slice(i + 1).join('\n');
    const truth = lines.slice(i);
    const cut = midLineCut(lines[i], sampling.random);
    const nextLine = { prefix: before, suffix: after, typed: '', truth };
    return cut === undefined ? [nextLine] : [nextLine, { prefix: before + lines[i].slice(0, cut), suffix: `\n${after}`, typed: lines[i].slice(0, cut), truth }];
  });
}

/**
 * Labelled raw scores from the engine's own workspace, leave-one-file-out: for a seeded sample of indexed files,
 * some lines of each are completed (next line, and mid-line from a seeded token boundary) with the file removed from
 * the index, and the best candidate's raw score is labelled by whether it was exactly right. The file is added back
 * after each case (identical text revives it without re-tokenizing), so the host answers requests between cases
 * against the whole index; a file changed or gone meanwhile is left as it is now and sampled no further.
 */
export async function sampleSelfCalibration(engine: SelfCalibratingEngine, sampling: SelfCalibrationSampling): Promise<GroupedCalibrationSample[]> {
  const paths = engine.indexedFiles().map((f) => f.path).sort();
  const pause = sampling.pause ?? yieldToHost;
  const samples: GroupedCalibrationSample[] = [];
  for (const path of pick(paths, sampling.files, sampling.random)) {
    const file = engine.indexedFile(path);
    if (file === undefined) continue;
    const { language, text } = file;
    for (const c of fileCases(file, sampling)) {
      await pause();
      throwIfCancelled(sampling.token, 'self-calibration');
      if (engine.indexedFile(path)?.text !== text) break;
      engine.removeFile(path);
      try {
        const result = engine.complete({ file: path, language, prefix: c.prefix, suffix: c.suffix }, { showThreshold: 0 });
        const sample = sampleOf(result, c.typed, c.truth, language);
        if (sample) samples.push(sample);
      } finally {
        engine.addFile(path, language, text);
      }
    }
  }
  return samples;
}
