import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * Settings that a user's or a repository's configuration could change and that readers of git's output depend on
 * (quoted paths, diff prefixes, signatures in the log); fsmonitor and external diff drivers could also run programs
 * named by an untrusted repository. Every git call passes them.
 */
export const GIT_SAFE_CONFIG: readonly string[] = [
  '-c', 'core.quotepath=off', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.suppressBlankEmpty=false', '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false',
];

/** The arguments of one git call: the safe configuration first, then the command. */
export function safeGitArguments(args: readonly string[]): string[] {
  return [...GIT_SAFE_CONFIG, ...args];
}

/**
 * The environment of every git call: never prompt for credentials, never take optional locks on a repository
 * someone else is using, never start a pager, and untranslated messages (callers match on them).
 */
export function gitEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', ...extra };
}

export interface GitCallOptions {
  cwd: string;
  /** The git executable. @default 'git' (from PATH) */
  gitPath?: string;
}

/** Starts git with the safe configuration and environment; stdin is closed, stdout and stderr are piped. */
export function spawnGit(args: readonly string[], options: GitCallOptions): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(options.gitPath ?? 'git', safeGitArguments(args), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnvironment() });
}

export interface GitRun {
  /** The exit code; null when git was killed (output over the limit). */
  code: number | null;
  stdout: Buffer;
  /** The last 4 KB of stderr, trimmed. */
  stderr: string;
}

/** Git's output went over `maxOutputBytes`; git was killed. */
export class GitOutputTooLargeError extends Error {
  readonly code = 'git_output_too_large' as const;
  constructor(args: readonly string[], limit: number) {
    super(`git ${args.join(' ')}: output over ${limit} bytes`);
    this.name = 'GitOutputTooLargeError';
  }
}

const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Runs git to completion and resolves with its exit code and output, whatever the code; rejects only when git
 * cannot start (the spawn error, `ENOENT` when it is not installed) or its output exceeds the limit.
 */
export function runGit(args: readonly string[], options: GitCallOptions & { maxOutputBytes?: number }): Promise<GitRun> {
  const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, options);
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !failed) {
        failed = true;
        child.kill();
        reject(new GitOutputTooLargeError(args, limit));
      } else if (!failed) chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4096)));
    child.once('error', (error) => {
      failed = true;
      reject(error);
    });
    child.once('close', (code) => {
      if (!failed) resolve({ code, stdout: Buffer.concat(chunks), stderr: stderr.trim() });
    });
  });
}
