import * as fs from 'node:fs';
import * as path from 'node:path';
import { throwIfCancelled, ToolError, yieldToHost, type Cancellation, type ToolExecutor } from '@arenalab/core';
import type { GitignoreStack } from '../workspace/gitignoreStack';
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
// Files between two turns of the event loop, so a Ctrl-C or an LSP cancellation is noticed during a long search.
const FILES_PER_TURN = 64;

/**
 * Workspace files worth searching, in path order: every .gitignore, the default and user excludes honoured; symbolic
 * links are not followed (nothing outside the root, no cycles); files over the size limit skipped.
 */
function* textFiles(config: WorkspaceToolConfig, dir: string, rel: string, stack: GitignoreStack): Generator<{ absolute: string; rel: string }> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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

function matcherFor(query: string, regex: boolean): (line: string) => boolean {
  if (!regex) {
    const needle = query.toLowerCase();
    return (line) => line.toLowerCase().includes(needle);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(query, 'i');
  } catch (error) {
    throw new ToolError('bad_arguments', `'${query}' is not a valid regular expression: ${(error as Error).message}`);
  }
  return (line) => line.length <= MAX_REGEX_LINE_CHARS && pattern.test(line);
}

export interface WorkspaceSearchResult {
  matches: WorkspaceMatch[];
  /** False when `maxResults` cut the list. */
  complete: boolean;
  filesSearched: number;
}

/** Matching lines of the workspace's text files, at most `maxResults`, in path and line order; cancellable. */
export async function searchWorkspace(config: WorkspaceToolConfig, query: string, options: { regex?: boolean; maxResults?: number; token?: Cancellation } = {}): Promise<WorkspaceSearchResult> {
  const test = matcherFor(query, options.regex ?? false);
  const max = options.maxResults ?? 20;
  const matches: WorkspaceMatch[] = [];
  let filesSearched = 0;
  let seen = 0;
  for (const file of textFiles(config, config.root, '', excludeStack(config))) {
    if (++seen % FILES_PER_TURN === 0) await yieldToHost();
    throwIfCancelled(options.token, 'workspace search');
    if (fs.statSync(file.absolute).size > config.maxFileBytes) continue;
    const bytes = fs.readFileSync(file.absolute);
    if (looksBinary(bytes)) continue;
    filesSearched += 1;
    const lines = bytes.toString('utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!test(lines[i])) continue;
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
