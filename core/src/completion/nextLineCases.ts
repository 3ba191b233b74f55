import { seededRandom } from '../ports/random';

/** One source file as the next-line benchmark sees it. */
export interface BenchSourceFile {
  /** Repo-relative, `/`-separated path. */
  path: string;
  /** LSP language id. */
  language: string;
  text: string;
}

/**
 * One next-line case: the cursor sits at the start of line `line`, the engine sees `prefix` and `suffix` only, and
 * must predict the whole line (indentation included; scored whitespace-trimmed against `target`).
 */
export interface NextLineCase {
  file: string;
  language: string;
  /** 0-based line number of the target line. */
  line: number;
  /** Everything before the target line; ends with '\n' unless the target is the first line. */
  prefix: string;
  /** Everything after the target line's newline (the next line onward). */
  suffix: string;
  /** The target line, whitespace-trimmed. */
  target: string;
}

export interface NextLineSamplingConfig {
  /**
   * Most target lines sampled per file (fewer when the file has fewer eligible lines).
   * @default 10
   */
  perFile: number;
  /**
   * Seed of the sampler. A file's sample depends only on the seed and the file's path and text, so filtering or
   * capping the file list never changes the cases of the files that remain.
   * @default 1
   */
  seed: number;
}

export const DEFAULT_NEXT_LINE_SAMPLING_CONFIG: Readonly<NextLineSamplingConfig> = { perFile: 10, seed: 1 };

/** Lines worth predicting: at least 6 non-whitespace characters and at least one letter (not `});` or `}`). */
export function isEligibleTargetLine(line: string): boolean {
  return line.replace(/\s+/g, '').length >= 6 && /\p{L}/u.test(line);
}

/** FNV-1a over the path, mixed with the seed: a per-file seed independent of file order. */
export function fileSeed(seed: number, path: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Offsets at which each line starts; line i spans [starts[i], starts[i + 1] - 1) plus its '\n'. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Picks up to `count` distinct items with a partial Fisher–Yates shuffle, returned in ascending order. */
export function pickSorted(items: number[], count: number, random: () => number): number[] {
  const pool = items.slice();
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take).sort((a, b) => a - b);
}

/** The cases of one file; see {@link sampleNextLineCases}. */
export function sampleFileCases(file: BenchSourceFile, config: NextLineSamplingConfig): NextLineCase[] {
  const { text } = file;
  const starts = lineStarts(text);
  const lineText = (i: number) => text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
  const eligible: number[] = [];
  for (let i = 0; i < starts.length; i++) if (isEligibleTargetLine(lineText(i))) eligible.push(i);
  const random = seededRandom(fileSeed(config.seed, file.path));
  return pickSorted(eligible, config.perFile, () => random.next()).map((line) => ({
    file: file.path,
    language: file.language,
    line,
    prefix: text.slice(0, starts[line]),
    suffix: line + 1 < starts.length ? text.slice(starts[line + 1]) : '',
    target: lineText(line).trim(),
  }));
}

/**
 * Samples next-line benchmark cases: per file, up to `perFile` eligible lines chosen with a seeded RNG (RepoBench
 * style). `prefix + suffix` is always the file text with the target line (and its newline) removed.
 */
export function sampleNextLineCases(files: readonly BenchSourceFile[], config: NextLineSamplingConfig = DEFAULT_NEXT_LINE_SAMPLING_CONFIG): NextLineCase[] {
  if (!Number.isInteger(config.perFile) || config.perFile < 0) throw new TypeError(`perFile must be a non-negative integer, got ${config.perFile}`);
  return files.flatMap((file) => sampleFileCases(file, config));
}
