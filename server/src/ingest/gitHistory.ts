import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { CancelledError, type Cancellation, type GitCommit } from '@arenalab/core';
import { runGit, spawnGit } from '../host';
import { DEFAULT_GIT_LOG_PARSER_CONFIG, GitLogParser, gitLogFormat, type GitLogParserConfig } from './gitLogParser';

export type GitHistoryErrorCode = 'not_a_directory' | 'not_a_repository' | 'unsafe_repository' | 'git_missing' | 'git_failed';

/** Why the history of a folder could not be read; `code` tells the cases apart. */
export class GitHistoryError extends Error {
  constructor(readonly code: GitHistoryErrorCode, message: string) {
    super(message);
    this.name = 'GitHistoryError';
  }
}

export interface GitHistoryOptions {
  /** Read only the most recent N commits of the first-parent line (still yielded oldest first). */
  maxCommits?: number;
  /** Only commits after this date; any form `git log --since` accepts (ISO-8601 recommended). */
  since?: string;
  /** Polled while git runs; when set, git is killed and the iteration throws CancelledError. */
  token?: Cancellation;
  /** Called with each commit and its 1-based position before it is yielded (progress reporting). */
  onCommit?: (commit: GitCommit, position: number) => void;
  /** Patch size limits. @default DEFAULT_GIT_LOG_PARSER_CONFIG */
  parser?: GitLogParserConfig;
  /** The git executable. @default 'git' (from PATH) */
  gitPath?: string;
}

/** How often a running git is checked against the cancellation token, in milliseconds. */
const CANCEL_POLL_MS = 25;

/**
 * `git log` arguments. Merges: only the first-parent line is walked (`--first-parent`) and a merge
 * is shown as its diff against the first parent (`-m`), i.e. what the merge brought into the
 * branch; the merged branch's own commits are not listed separately.
 */
function logArguments(nonce: string, options: GitHistoryOptions): string[] {
  const args = [
    'log', '--reverse', '--first-parent', '-m', '-p', '-M', '--no-color', '--no-ext-diff',
    '--no-textconv', '--encoding=UTF-8', '--src-prefix=a/', '--dst-prefix=b/', gitLogFormat(nonce),
  ];
  if (options.maxCommits !== undefined) args.push(`--max-count=${Math.max(0, Math.floor(options.maxCommits))}`);
  if (options.since !== undefined) args.push(`--since=${options.since}`);
  return [...args, 'HEAD', '--'];
}

async function run(git: string, args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  try {
    return await runGit(args, { cwd, gitPath: git });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitHistoryError('git_missing', `git was not found (${git}); install git or set its path`);
    throw error;
  }
}

/** Throws a GitHistoryError unless `repoDir` is inside a git work tree; false when it has no commit yet. */
async function checkRepository(repoDir: string, git: string): Promise<boolean> {
  if (!fs.existsSync(repoDir) || !fs.statSync(repoDir).isDirectory()) {
    throw new GitHistoryError('not_a_directory', `${repoDir}: no such directory`);
  }
  const inside = await run(git, ['rev-parse', '--git-dir'], repoDir);
  if (inside.code !== 0) {
    if (/dubious ownership/.test(inside.stderr)) {
      throw new GitHistoryError('unsafe_repository', `${repoDir}: git refuses this repository (owned by another user): ${inside.stderr}`);
    }
    throw new GitHistoryError('not_a_repository', `${repoDir}: not a git repository`);
  }
  return (await run(git, ['rev-parse', '--verify', '--quiet', 'HEAD'], repoDir)).code === 0;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('close', (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Streams the history of the git repository at `repoDir`, oldest commit first, one commit with all
 * its file changes at a time; git's output is parsed as it arrives and never held whole. A folder
 * with no commit yields nothing. Stopping the iteration early (break, cancellation, an error)
 * kills git and waits for it to exit.
 */
export async function* readGitHistory(repoDir: string, options: GitHistoryOptions = {}): AsyncGenerator<GitCommit> {
  const git = options.gitPath ?? 'git';
  const cancelled = () => options.token?.isCancelled === true;
  if (cancelled()) throw new CancelledError('reading git history');
  if (!(await checkRepository(repoDir, git))) return;
  const nonce = `arenalab-${randomBytes(8).toString('hex')}`;
  const child = spawnGit(logArguments(nonce, options), { cwd: repoDir, gitPath: git });
  const exited = exitOf(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4096)));
  const poll = setInterval(() => cancelled() && child.kill(), CANCEL_POLL_MS);
  const parser = new GitLogParser(nonce, options.parser ?? DEFAULT_GIT_LOG_PARSER_CONFIG);
  let position = 0;
  const deliver = function* (commits: GitCommit[]) {
    for (const commit of commits) {
      if (cancelled()) throw new CancelledError('reading git history');
      options.onCommit?.(commit, ++position);
      yield commit;
    }
  };
  try {
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      if (cancelled()) throw new CancelledError('reading git history');
      yield* deliver(parser.push(chunk));
    }
    const { code, signal } = await exited;
    if (cancelled()) throw new CancelledError('reading git history');
    if (code !== 0) throw new GitHistoryError('git_failed', `git log failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`);
    yield* deliver(parser.end());
  } finally {
    clearInterval(poll);
    if (child.exitCode === null && child.signalCode === null) child.kill();
    // Unread output would keep the pipe, and so the 'close' event, pending forever.
    child.stdout.destroy();
    await exited;
  }
}
