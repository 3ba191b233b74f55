import ignore from 'ignore';
import { throwIfCancelled } from '@arenalab/core';
import type { Cancellation, GitCommit } from '@arenalab/core';
import { runGit } from '../host';
import { readGitHistory } from '../ingest/gitHistory';
import { DEFAULT_WORKSPACE_FILES_CONFIG, languageForPath } from '../workspace';
import { sourceTextProblem } from '../workspace/sourceTextProblem';

/** A source file at one commit, as the replay feeds it to a creature. */
export interface RepoFile {
  path: string;
  language: string;
  text: string;
}

/** Git failed on a command the replay needs (a missing object, a corrupt repository). */
export class GitReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitReadError';
  }
}

const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * Reads a repository's history and the files of any commit, for the replay benchmark. Only source files the
 * workspace walker would index count (known language, default excludes, ≤ 200 KB, not binary, minified or
 * generated); content is read with `git cat-file` (raw blobs: no textconv or filters from the repository).
 */
export class GitRepoReader {
  private readonly excluded = ignore().add([...DEFAULT_WORKSPACE_FILES_CONFIG.defaultExcludes]);

  constructor(readonly repo: string) {}

  /** Every commit of the first-parent line, oldest first, with the files each changed. */
  async commits(token?: Cancellation): Promise<GitCommit[]> {
    const commits: GitCommit[] = [];
    for await (const commit of readGitHistory(this.repo, { ...(token ? { token } : {}) })) commits.push(commit);
    return commits;
  }

  /** Whether a path could hold source worth indexing, before reading it. */
  isSourcePath(path: string): boolean {
    return languageForPath(path) !== undefined && !this.excluded.ignores(path);
  }

  /** The source files of the tree at `sha`; checks the token between files (one git process each). */
  async filesAt(sha: string, token?: Cancellation): Promise<RepoFile[]> {
    const listing = await this.git(['ls-tree', '-r', '-z', '--name-only', sha]);
    const files: RepoFile[] = [];
    for (const path of listing.split('\0')) {
      if (path === '' || !this.isSourcePath(path)) continue;
      throwIfCancelled(token, 'reading the start tree');
      const file = await this.fileAt(sha, path);
      if (file) files.push(file);
    }
    return files;
  }

  /** One source file at `sha`, or undefined when it is absent, too big, binary, minified or generated. */
  async fileAt(sha: string, path: string): Promise<RepoFile | undefined> {
    const language = languageForPath(path);
    if (language === undefined || !this.isSourcePath(path)) return undefined;
    let bytes: Buffer;
    try {
      bytes = await this.gitBytes(['cat-file', 'blob', `${sha}:${path}`]);
    } catch {
      return undefined;
    }
    if (bytes.length > DEFAULT_WORKSPACE_FILES_CONFIG.maxFileBytes) return undefined;
    const text = bytes.toString('utf8');
    return sourceTextProblem(bytes, text, DEFAULT_WORKSPACE_FILES_CONFIG) === undefined ? { path, language, text } : undefined;
  }

  private async git(args: string[]): Promise<string> {
    return (await this.gitBytes(args)).toString('utf8');
  }

  private async gitBytes(args: string[]): Promise<Buffer> {
    let run;
    try {
      run = await runGit(args, { cwd: this.repo, maxOutputBytes: MAX_BUFFER });
    } catch (error) {
      throw new GitReadError(`git ${args.join(' ')}: ${(error as Error).message}`);
    }
    if (run.code !== 0) throw new GitReadError(`git ${args.join(' ')}: ${run.stderr || `exit ${String(run.code)}`}`);
    return run.stdout;
  }
}
