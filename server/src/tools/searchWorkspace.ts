import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolError, throwIfCancelled, yieldToHost, type Cancellation, type ToolExecutor } from '@arenalab/core';
import type { GitignoreStack } from '../workspace/gitignoreStack';
import { readCheckedFile } from './readCheckedFile';
import { RegexLineWorker } from './regexLineWorker';
import { excludeStack, looksBinary, type WorkspaceToolConfig } from './workspacePaths';

export interface WorkspaceMatch {
  path: string;
  /** 1-based. */
  line: number;
  text: string;
}

// A matched line is shown up to this many characters.
const MAX_LINE_CHARS = 240;
// Longer lines are not tested against a regular expression: backtracking cost grows with the text.
const MAX_REGEX_LINE_CHARS = 2000;
// Time a regular expression may take on one file before the search is stopped.
const REGEX_BUDGET_MS = 2000;
// Files between two turns of the event loop, so a Ctrl-C or an LSP cancellation is noticed during a long search.
const FILES_PER_TURN = 64;

/** A folder's entries; none when it is gone (or no longer a folder) since its parent was listed. */
function listFolder(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/**
 * Workspace files worth searching, in path order: every .gitignore, the default and user excludes honoured; symbolic
 * links are not followed (nothing outside the root, no cycles); files over the size limit skipped.
 */
function* textFiles(config: WorkspaceToolConfig, dir: string, rel: string, stack: GitignoreStack): Generator<{ absolute: string; rel: string }> {
  const entries = listFolder(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!stack.ignores(childRel, true)) yield* textFiles(config, absolute, childRel, stack.enter(absolute, childRel));
    } else if (entry.isFile() && !stack.ignores(childRel, false)) {
      yield { absolute, rel: childRel };
    }
  }
}

export interface WorkspaceSearchResult {
  matches: WorkspaceMatch[];
  /** False when `maxResults` cut the list. */
  complete: boolean;
  filesSearched: number;
}

/** Indices of the lines that contain `query`, case-insensitively. */
function plainMatches(lines: readonly string[], needle: string): number[] {
  const hits: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].toLowerCase().includes(needle)) hits.push(i);
  return hits;
}

/**
 * Matching lines of the workspace's text files, at most `maxResults`, in path and line order; cancellable. Regular
 * expressions run on a worker thread with a time budget per file (see RegexLineWorker).
 */
export async function searchWorkspace(config: WorkspaceToolConfig, query: string, options: { regex?: boolean; maxResults?: number; token?: Cancellation } = {}): Promise<WorkspaceSearchResult> {
  const regex = options.regex ? RegexLineWorker.start(query, MAX_REGEX_LINE_CHARS) : undefined;
  try {
    return await search(config, options.maxResults ?? 20, options.token, (lines, where) => (regex ? regex.test(lines, REGEX_BUDGET_MS, where) : plainMatches(lines, query.toLowerCase())));
  } finally {
    await regex?.close();
  }
}

/**
 * A listed file's bytes, read from a descriptor checked to be that file (a folder swapped for a symbolic link since
 * it was listed is not followed); undefined for files over the size limit, gone or swapped since the listing.
 */
function readSearchable(config: WorkspaceToolConfig, file: { absolute: string; rel: string }): Buffer | undefined {
  try {
    return readCheckedFile(file.absolute, file.rel, config.maxFileBytes);
  } catch (error) {
    if (error instanceof ToolError) return undefined;
    throw error;
  }
}

async function search(config: WorkspaceToolConfig, max: number, token: Cancellation | undefined, match: (lines: string[], where: string) => number[] | Promise<number[]>): Promise<WorkspaceSearchResult> {
  const matches: WorkspaceMatch[] = [];
  let filesSearched = 0;
  let seen = 0;
  for (const file of textFiles(config, config.root, '', excludeStack(config))) {
    if (++seen % FILES_PER_TURN === 0) await yieldToHost();
    throwIfCancelled(token, 'workspace search');
    const bytes = readSearchable(config, file);
    if (bytes === undefined || looksBinary(bytes)) continue;
    filesSearched += 1;
    const lines = bytes.toString('utf8').split(/\r?\n/);
    for (const i of await match(lines, file.rel)) {
      if (matches.length === max) return { matches, complete: false, filesSearched };
      matches.push({ path: file.rel, line: i + 1, text: lines[i].trim().slice(0, MAX_LINE_CHARS) });
    }
  }
  return { matches, complete: true, filesSearched };
}

/** The workspace_search tool over one workspace. */
export function searchWorkspaceExecutor(config: WorkspaceToolConfig): ToolExecutor {
  return {
    async execute(args, token) {
      const query = String(args.query);
      const result = await searchWorkspace(config, query, { regex: args.regex === true, maxResults: Number(args.max_results ?? 20), token });
      const lines = result.matches.map((m) => `${m.path}:${m.line}: ${m.text}`);
      const more = result.complete ? '' : `\n[more matches not shown; the first ${result.matches.length} are listed]`;
      const text = lines.length === 0 ? `no matches in ${result.filesSearched} files` : `${lines.join('\n')}${more}`;
      return { text, data: result, sources: [...new Set(result.matches.map((m) => m.path))] };
    },
  };
}
