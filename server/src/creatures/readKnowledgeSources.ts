import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancelledError, isBuildFile, isDocFile } from '@arenalab/core';
import type { Cancellation, KnowledgeCommit, KnowledgeFile, KnowledgeSources } from '@arenalab/core';
import { runGit } from '../host';
import { GitHistoryError, readGitHistory } from '../ingest';
import { listWorkspaceFiles, readWorkspaceFile, type WorkspaceFilesConfig } from '../workspace';

export interface KnowledgeReadOptions {
  /** Most recent commits read (the git importer's `maxCommits`). @default 500 */
  maxCommits?: number;
  /** The workspace's file rules (excludes, size limits), as its indexing uses them. */
  files?: Partial<WorkspaceFilesConfig>;
  /** Where a part that could not be read says why (no git, a file gone). */
  log?: (line: string) => void;
}

/** A doc or build file bigger than this is not read (a generated changelog, a lock file). */
const MAX_TEXT_BYTES = 200 * 1024;

// The folders that hold listed source files, and every folder above them up to the root.
function sourceFolders(paths: readonly string[]): string[] {
  const folders = new Set<string>(['']);
  for (const p of paths) {
    for (let cut = p.lastIndexOf('/'); cut > 0; cut = p.lastIndexOf('/', cut - 1)) folders.add(p.slice(0, cut));
  }
  return [...folders].sort();
}

function readText(absolute: string): string | undefined {
  try {
    if (fs.statSync(absolute).size > MAX_TEXT_BYTES) return undefined;
    return fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

// READMEs and other Markdown, package.json, Makefiles of the source folders, and the CI workflows at the root.
function docAndBuildFiles(root: string, folders: readonly string[]): KnowledgeFile[] {
  const found: KnowledgeFile[] = [];
  const consider = (rel: string) => {
    if (!isDocFile(rel) && !isBuildFile(rel)) return;
    const text = readText(path.join(root, rel));
    if (text !== undefined) found.push({ path: rel, ...(isDocFile(rel) ? { language: 'markdown' } : {}), text });
  };
  for (const folder of [...folders, '.github/workflows']) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, folder)).sort();
    } catch {
      continue;
    }
    for (const name of names) consider(folder === '' ? name : `${folder}/${name}`);
  }
  return found;
}

/** Where the folder sits in its repository (`sub/dir/`, or '' at the top): git names files from the top. */
async function repositoryPrefix(root: string): Promise<string> {
  const run = await runGit(['rev-parse', '--show-prefix'], { cwd: root, maxOutputBytes: 64 * 1024 }).catch(() => undefined);
  return run?.code === 0 ? run.stdout.toString('utf8').trim() : '';
}

async function readCommits(root: string, options: KnowledgeReadOptions, token: Cancellation): Promise<KnowledgeCommit[]> {
  const commits: KnowledgeCommit[] = [];
  const prefix = await repositoryPrefix(root);
  // A folder inside a larger repository: only the commits that touched it, its paths relative to the folder.
  const inFolder = (files: readonly string[]) => files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  try {
    // Patches are not needed: only which files each commit touched; a small patch limit keeps the read quick.
    for await (const commit of readGitHistory(root, { maxCommits: options.maxCommits ?? 500, token, parser: { maxPatchChars: 0, maxLineChars: 1024 * 1024 } })) {
      const files = inFolder(commit.files.map((f) => f.path));
      if (files.length > 0) commits.push({ sha: commit.sha, author: commit.authorName, date: commit.date, subject: commit.subject, files });
    }
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    if (!(error instanceof GitHistoryError)) throw error;
    options.log?.(`workspace knowledge: no git history (${error.message})`);
  }
  return commits;
}

/**
 * What the workspace knowledge creature learns from, read from disk: the workspace's source files (as its indexing
 * lists them: .gitignore, excludes, size limits), the Markdown and build files (package.json, Makefile) of the folders
 * that hold them, the CI workflows, and the recent git history as the git importer reads it (files touched per
 * commit). A folder that is not a git repository has no commits, which is not an error.
 */
export async function readKnowledgeSources(root: string, options: KnowledgeReadOptions, token: Cancellation): Promise<KnowledgeSources> {
  const listed = listWorkspaceFiles(root, options.files ?? {});
  const files: KnowledgeFile[] = [];
  for (const file of listed) {
    try {
      files.push({ path: file.path, language: file.language, text: readWorkspaceFile(file) });
    } catch (error) {
      options.log?.(`workspace knowledge: ${file.path} skipped: ${(error as Error).message}`);
    }
  }
  files.push(...docAndBuildFiles(root, sourceFolders(listed.map((f) => f.path))));
  return { files, commits: await readCommits(root, options, token) };
}
