import * as path from 'node:path';
import { CompletionEngine, completeWithSyntax, seededRandom, SelfCalibration, SyntaxService } from '@arenalab/core';
import { fileGrammarLoader } from '../adapters';
import type { BenchSourceFile, Cancellation } from '@arenalab/core';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { runNextLineBenchmark, sampleTargets } from '../evaluation';
import type { BenchMode, NextLineCaseOutcome, NextLineEngine, NextLineRunProgress, NextLineRunResult } from '../evaluation';

export interface BenchCompletionOptions {
  repo: string;
  /** Most target lines per file. */
  perFile: number;
  /** Most target files (a seeded sample of them); every file is still indexed. */
  maxFiles?: number;
  seed: number;
  /** Only files of this LSP language id (or extension, e.g. `py`) are targets; every file is still indexed. */
  lang?: string;
  /** Parse-check candidates with tree-sitter and drop those that add errors (completeWithSyntax). */
  syntax?: boolean;
  /** What is predicted: the whole next line (default) or the rest of a line typed up to a token boundary. */
  mode?: BenchMode;
}

export type BenchCompletionResult = { benchmark: BenchMode; repo: string } & NextLineRunResult;

/** Accepts a language id (`python`) or the extension users type (`py`, `ts`). */
export function languageMatcher(lang: string | undefined): (language: string, file: string) => boolean {
  if (lang === undefined) return () => true;
  const wanted = lang.toLowerCase().replace(/^\./, '');
  return (language, file) => language === wanted || path.extname(file).slice(1).toLowerCase() === wanted;
}

/** The engine seen through completeWithSyntax, so the benchmark measures what syntax validation changes. */
export async function withSyntaxCheck(engine: CompletionEngine): Promise<NextLineEngine> {
  const syntax = await SyntaxService.create(fileGrammarLoader());
  return {
    config: engine.config,
    get stats() {
      return engine.stats;
    },
    addFile: (file, language, text) => engine.addFile(file, language, text),
    removeFile: (file) => engine.removeFile(file),
    complete: (request, options) => completeWithSyntax(engine, syntax, request, options),
  };
}

/**
 * The engine calibrating itself as the language server's does (`SelfCalibration`: leave-one-file-out on its own
 * index, seeded), except on the lines the benchmark evaluates, so the reported ECE is out of sample.
 */
export function selfCalibrating(engine: CompletionEngine, measured: NextLineEngine, seed: number): NextLineEngine {
  const calibration = new SelfCalibration(engine);
  return {
    config: measured.config,
    get stats() {
      return measured.stats;
    },
    addFile: (file, language, text) => measured.addFile(file, language, text),
    removeFile: (file) => measured.removeFile(file),
    complete: (request, options) => measured.complete(request, options),
    calibrate: (skipLine, token) => calibration.fitWorkspace({ random: seededRandom(seed), token, skipLine }),
  };
}

/**
 * `arenalab bench completion`: the next-line benchmark on a real repository. Lists its source files (gitignore and
 * default excludes honoured; big, binary, minified and generated files skipped), reads them once, and runs the
 * next-line protocol (`runNextLineBenchmark`: each target file held out while its cases run) with the CompletionEngine
 * at its default configuration, its confidence calibrated first on the repository's other lines (`selfCalibrating`).
 */
export async function benchCompletion(
  options: BenchCompletionOptions,
  token: Cancellation,
  progress: NextLineRunProgress,
  engine: NextLineEngine = new CompletionEngine(),
  onCase?: (result: NextLineCaseOutcome) => void,
): Promise<BenchCompletionResult> {
  const listed = listWorkspaceFiles(options.repo);
  const files: BenchSourceFile[] = listed.map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  const matches = languageMatcher(options.lang);
  const candidates = files.filter((f) => matches(f.language, f.path)).map((f) => f.path);
  const targets = sampleTargets(candidates, options.maxFiles, options.seed);
  const checked = options.syntax && engine instanceof CompletionEngine ? await withSyntaxCheck(engine) : engine;
  const measured = engine instanceof CompletionEngine ? selfCalibrating(engine, checked, options.seed) : checked;
  const mode = options.mode ?? 'next-line';
  const run = await runNextLineBenchmark(files, targets, measured, { perFile: options.perFile, seed: options.seed }, token, progress, onCase, mode);
  return { benchmark: mode, repo: options.repo, ...run };
}
