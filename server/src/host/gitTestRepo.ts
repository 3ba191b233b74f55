import { execFileSync } from 'node:child_process';
import { gitEnvironment, safeGitArguments } from './runGit';

// Test support (imported by tests only): git repositories with a history the tests control, isolated from the
// user's git configuration, so commit ids and dates are the same on every machine. The calls carry the same safe
// configuration and environment as every other git call.

const ISOLATED = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** `git init` on branch main in `dir`. */
export function initTestRepo(dir: string): void {
  execFileSync('git', safeGitArguments(['init', '-q', '-b', 'main']), { cwd: dir, env: gitEnvironment(ISOLATED) });
}

/** Commits the whole working tree of `dir` with a fixed identity, dated `tick` hours after 2024-01-01. */
export function commitAll(dir: string, tick: number): void {
  const date = new Date(Date.UTC(2024, 0, 1) + tick * 3600_000).toISOString();
  const env = gitEnvironment({ ...ISOLATED, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  const git = (...args: string[]) => execFileSync('git', safeGitArguments(['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args]), { cwd: dir, env });
  git('add', '-A');
  git('commit', '-q', '-m', `commit ${tick}`);
}
