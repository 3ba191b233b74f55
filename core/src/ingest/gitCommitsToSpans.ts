import { FENCE_LANGUAGES } from '../spans/domainRules';
import { GENERAL_DOMAIN } from '../spans/detectDomain';
import { SPAN_SCHEMA_VERSION, type Span } from '../spans/span';
import { sha256Hex } from '../util/sha256';
import type { GitCommit, GitFileChange } from './gitCommit';

/** The `did` of every span made from a git change. */
export const COMMIT_ACTION = 'commit';

export interface GitSpanOptions {
  /** Name of the repository (folder name or remote URL); part of every span id and of the metadata. */
  repo: string;
}

/** Extensions whose language is not named the same as a fenced-code tag. */
const EXTRA_EXTENSIONS: Readonly<Record<string, string>> = {
  mts: 'programming/typescript', cts: 'programming/typescript', mjs: 'programming/javascript',
  cjs: 'programming/javascript', pyi: 'programming/python', c: 'programming/c', h: 'programming/c',
  cc: 'programming/cpp', cxx: 'programming/cpp', hpp: 'programming/cpp', hh: 'programming/cpp',
  rb: 'programming/ruby', php: 'programming/php', kt: 'programming/kotlin', kts: 'programming/kotlin',
  swift: 'programming/swift', scala: 'programming/scala', lua: 'programming/lua', dart: 'programming/dart',
  html: 'programming/html', htm: 'programming/html', vue: 'programming/vue', svelte: 'programming/svelte',
  less: 'programming/css', json: 'data/json', yml: 'devops/ci', toml: 'data/toml', xml: 'data/xml',
  csv: 'data/csv', md: 'writing/markdown', markdown: 'writing/markdown', rst: 'writing/restructuredtext',
  ps1: 'programming/shell', fish: 'programming/shell',
};

/**
 * Domain of a file from its extension, in the slash-path convention (`programming/typescript`);
 * `general` when unknown. `Dockerfile` and `Makefile` are recognised by name.
 */
export function environmentForPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name === 'dockerfile' || name.startsWith('dockerfile.')) return 'devops/docker';
  if (name === 'makefile') return 'programming/make';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return GENERAL_DOMAIN;
  const extension = name.slice(dot + 1);
  return EXTRA_EXTENSIONS[extension] ?? FENCE_LANGUAGES[extension] ?? GENERAL_DOMAIN;
}

/** Deterministic span id of one file change: `sp_` + the first 24 hex of SHA-256(repo + sha + path). */
export function gitChangeSpanId(repo: string, sha: string, path: string): string {
  return 'sp_' + sha256Hex(repo + sha + path).slice(0, 24);
}

/** A diff-less change still needs an outcome a reader understands. */
function changeText(file: GitFileChange): string {
  if (file.patch !== '') return file.patch;
  const what = file.binary ? 'binary file' : 'file';
  const rename = file.oldPath !== undefined ? ` from ${file.oldPath}` : '';
  return `${file.status} ${what}${rename} (no textual diff)`;
}

function isoUtc(date: string): string {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString();
}

/**
 * Turns commits into spans one commit at a time, remembering the last span id of every path so
 * that each change points at the previous change of the same file (following renames). Feed it
 * commits oldest first; it holds one id per path and nothing else.
 */
export class GitSpanConverter {
  private readonly lastSpanByPath = new Map<string, string>();

  constructor(private readonly options: GitSpanOptions) {}

  /** One span per file change of `commit`; a commit without file changes yields none. */
  convert(commit: GitCommit): Span[] {
    return commit.files.map((file) => this.convertFile(commit, file));
  }

  private convertFile(commit: GitCommit, file: GitFileChange): Span {
    const { repo } = this.options;
    const id = gitChangeSpanId(repo, commit.sha, file.path);
    const previous = this.lastSpanByPath.get(file.oldPath ?? file.path);
    if (file.oldPath !== undefined) this.lastSpanByPath.delete(file.oldPath);
    this.lastSpanByPath.set(file.path, id);
    return {
      schema_version: SPAN_SCHEMA_VERSION,
      id,
      source: 'git_import',
      who: commit.authorName || commit.authorEmail,
      did: COMMIT_ACTION,
      this: commit.subject ? `${file.path}: ${commit.subject}` : file.path,
      when: isoUtc(commit.date),
      status: 'completed',
      if_ok: changeText(file),
      context: { previous_spans: previous ? [previous] : [], environment: environmentForPath(file.path) },
      metadata: {
        repo,
        sha: commit.sha,
        author_email: commit.authorEmail,
        additions: file.additions,
        deletions: file.deletions,
        change: file.status,
        ...(file.oldPath !== undefined ? { old_path: file.oldPath } : {}),
        ...(file.truncated ? { truncated: true } : {}),
        ...(file.binary ? { binary: true } : {}),
      },
    };
  }
}

/** Convenience over GitSpanConverter for a whole history, oldest commit first. */
export function gitCommitsToSpans(commits: Iterable<GitCommit>, options: GitSpanOptions): Span[] {
  const converter = new GitSpanConverter(options);
  const spans: Span[] = [];
  for (const commit of commits) spans.push(...converter.convert(commit));
  return spans;
}
