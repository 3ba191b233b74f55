import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionEngine, systemClock } from '@arenalab/core';
import type { Cancellation, CompletionResult, Progress } from '@arenalab/core';
import { CompletionService, singleFolder, WorkspaceConstitution } from '../answering';
import type { WithheldCandidate } from '../answering';
import { defaultStoreDir } from '../store';
import { indexWorkspace, languageForPath } from '../workspace';

export interface CompleteAtOptions {
  repo: string;
  /** The file, relative to the repo (or to the working folder), or absolute. */
  file: string;
  /** 1-based line, as editors show it. */
  line: number;
  /** 1-based column (UTF-16 units); 1 is the start of the line. */
  col: number;
  /** Remove the file from the index first, as the benchmark does, so its own later lines cannot be copied. */
  holdOut?: boolean;
}

export interface CompleteAtResult {
  file: string;
  language: string;
  line: number;
  col: number;
  threshold: number;
  bestConfidence: number;
  index: { files: number; windows: number; build_s: number };
  /** The candidates the constitution allows; provenance lines are 1-based here, like --line. */
  candidates: CompletionResult['candidates'];
  /** Why each candidate the constitution withheld was withheld (a secret, an excluded file, …); never its text. */
  withheld: WithheldCandidate[];
}

/** A bad --file, --line or --col: a clear message and exit code 1, never a stack trace. */
export class CompleteAtError extends Error {
  constructor(readonly code: 'file_not_found' | 'bad_position', message: string) {
    super(message);
    this.name = 'CompleteAtError';
  }
}

function resolveFile(repo: string, file: string): string {
  const candidates = path.isAbsolute(file) ? [file] : [path.resolve(repo, file), path.resolve(file)];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (found === undefined) throw new CompleteAtError('file_not_found', `${file}: no such file (looked in ${repo} and the working folder)`);
  return found;
}

/** Splits a text at a 1-based line and column into what is before and after the cursor. */
export function splitAt(text: string, line: number, col: number): { prefix: string; suffix: string } {
  const lines = text.split('\n');
  if (line > lines.length) throw new CompleteAtError('bad_position', `line ${line} is past the end of the file (${lines.length} lines)`);
  const current = lines[line - 1].replace(/\r$/, '');
  if (col > current.length + 1) throw new CompleteAtError('bad_position', `column ${col} is past the end of line ${line} (${current.length} characters)`);
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + col - 1;
  return { prefix: text.slice(0, offset), suffix: text.slice(offset) };
}

/**
 * `arenalab complete`: index the repo with the default excludes, then complete at one position of one file, through
 * the completion service, so what the constitution withholds (a secret, content of a gitignored file) is never
 * printed; the repo's store (`<repo>/.arenalab`) lends its remembered violations.
 */
export async function completeAt(options: CompleteAtOptions, token: Cancellation, progress: Progress, log: (line: string) => void = () => undefined): Promise<CompleteAtResult> {
  const absolute = resolveFile(options.repo, options.file);
  const text = fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  const { prefix, suffix } = splitAt(text, options.line, options.col);
  const repo = path.resolve(options.repo);
  const file = path.relative(repo, absolute).split(path.sep).join('/');
  const language = languageForPath(file) ?? 'plaintext';
  const engine = new CompletionEngine();
  const built = await indexWorkspace(engine, options.repo, {}, token, progress);
  if (options.holdOut) engine.removeFile(file);
  const constitution = new WorkspaceConstitution({ clock: systemClock, rootOf: singleFolder(repo), excludes: () => [], storeDir: () => defaultStoreDir(repo), log });
  const result = await new CompletionService(engine, constitution).complete({ file, language, prefix, suffix }, { token });
  const candidates = result.candidates.map((c) => ({ ...c, provenance: c.provenance.map((p) => (p.line === undefined ? p : { ...p, line: p.line + 1 })) }));
  return {
    file,
    language,
    line: options.line,
    col: options.col,
    threshold: engine.config.showThreshold,
    bestConfidence: result.bestConfidence,
    index: { files: built.files, windows: built.windows, build_s: Math.round(built.build_s * 1000) / 1000 },
    candidates,
    withheld: result.withheld,
  };
}
