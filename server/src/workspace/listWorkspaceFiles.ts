import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitignoreStack } from './gitignoreStack';
import { languageForPath } from './languageForPath';
import { sourceTextProblem } from './sourceTextProblem';

/** A source file worth indexing. */
export interface WorkspaceFile {
  /** Repo-relative, '/'-separated. */
  path: string;
  absolute: string;
  /** LSP language id. */
  language: string;
  bytes: number;
  /** Modification time (ms) from the same stat as `bytes`. */
  mtimeMs?: number;
}

/**
 * Files known to be listable as they were: a file of the same size and modification time as when it last passed
 * the content checks is listed without reading it again (a warm start must not read every file).
 */
export type UnchangedFileCheck = (absolute: string, bytes: number, mtimeMs: number) => boolean;

export interface WorkspaceFilesConfig {
  /**
   * Always excluded, in gitignore syntax: dependencies, build output, VCS internals, vendored and minified code.
   * @default DEFAULT_WORKSPACE_EXCLUDES
   */
  defaultExcludes: readonly string[];
  /** Extra exclusions from the user, in gitignore syntax (`docs/`, `*.spec.ts`, `/legacy`). @default [] */
  excludes: readonly string[];
  /** Files larger than this are skipped (generated tables, fixtures). @default 204800 (200 KB) */
  maxFileBytes: number;
  /** A line longer than this marks a minified file, which is skipped. @default 1000 */
  maxLineLength: number;
  /** Lines at the top of a file searched for a generated-code marker. @default 5 */
  generatedHeaderLines: number;
  /** Header markers of generated code. @default DEFAULT_GENERATED_MARKERS */
  generatedMarkers: readonly RegExp[];
}

export const DEFAULT_WORKSPACE_EXCLUDES: readonly string[] = [
  'node_modules/', 'bower_components/', 'dist/', 'build/', 'out/', '.git/', 'vendor/', 'third_party/', 'coverage/',
  '.arenalab/', '.venv/', 'venv/', '__pycache__/', 'site-packages/', 'dist-packages/', 'target/',
  '*.min.js', '*.min.mjs', '*.bundle.js', '*.generated.*', '*.pb.go', '*_pb2.py',
];

export const DEFAULT_GENERATED_MARKERS: readonly RegExp[] = [
  /@generated\b/,
  /\bDO NOT EDIT\b/i,
  /\b(auto-?generated|automatically generated)\b/i,
  /\bgenerated (by|from|with)\b/i,
];

export const DEFAULT_WORKSPACE_FILES_CONFIG: Readonly<WorkspaceFilesConfig> = {
  defaultExcludes: DEFAULT_WORKSPACE_EXCLUDES,
  excludes: [],
  maxFileBytes: 200 * 1024,
  maxLineLength: 1000,
  generatedHeaderLines: 5,
  generatedMarkers: DEFAULT_GENERATED_MARKERS,
};

/** A file that was looked at and left out, with the reason (for reports and debugging). */
export interface SkippedWorkspaceFile {
  path: string;
  reason: string;
}

/**
 * The source files of a workspace in path order: known languages only, honouring every .gitignore on the way down
 * (nested ones too), the default and user excludes, and skipping files that are too big, binary, minified or
 * generated. Symbolic links are not followed (no cycles, nothing outside the root).
 */
export function listWorkspaceFiles(
  root: string,
  config: Partial<WorkspaceFilesConfig> = {},
  skipped: SkippedWorkspaceFile[] = [],
  unchanged?: UnchangedFileCheck,
): WorkspaceFile[] {
  const settings = { ...DEFAULT_WORKSPACE_FILES_CONFIG, ...config };
  const absoluteRoot = path.resolve(root);
  if (!fs.statSync(absoluteRoot).isDirectory()) throw new TypeError(`${root} is not a folder`);
  const found: WorkspaceFile[] = [];
  const stack = GitignoreStack.forRoot(absoluteRoot, [...settings.defaultExcludes, ...settings.excludes]);
  walkWorkspaceFolder(absoluteRoot, '', stack, { settings, found, skipped, unchanged });
  return found;
}

/** What a walk reads and fills, the same in every folder. */
export interface Walk {
  settings: WorkspaceFilesConfig;
  found: WorkspaceFile[];
  skipped: SkippedWorkspaceFile[];
  unchanged: UnchangedFileCheck | undefined;
}

/** Lists the files under `dir` (`rel` from the root, '' for the root) whose rules are `stack`, as listWorkspaceFiles does. */
export function walkWorkspaceFolder(dir: string, rel: string, stack: GitignoreStack, into: Walk): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!stack.ignores(childRel, true)) walkWorkspaceFolder(absolute, childRel, stack.enter(absolute, childRel), into);
    } else if (entry.isFile()) {
      const language = languageForPath(entry.name);
      if (language === undefined || stack.ignores(childRel, false)) continue;
      const file = inspectFile(absolute, childRel, language, into.settings, into.unchanged);
      if ('reason' in file) into.skipped.push(file);
      else into.found.push(file);
    }
  }
}

/** A file of known language as listWorkspaceFiles judges it: listed, or skipped with the reason (too big, unreadable, binary, minified, generated). */
export function inspectFile(absolute: string, rel: string, language: string, settings: WorkspaceFilesConfig, unchanged?: UnchangedFileCheck): WorkspaceFile | SkippedWorkspaceFile {
  let bytes: number;
  let mtimeMs: number;
  let content: Buffer;
  try {
    ({ size: bytes, mtimeMs } = fs.statSync(absolute));
    if (bytes > settings.maxFileBytes) return { path: rel, reason: `larger than ${settings.maxFileBytes} bytes` };
    if (unchanged?.(absolute, bytes, mtimeMs) === true) return { path: rel, absolute, language, bytes, mtimeMs };
    content = fs.readFileSync(absolute);
  } catch (error) {
    // Gone since its folder was read (a checkout still running), or not readable by this user.
    const gone = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { path: rel, reason: gone ? 'no longer exists' : `unreadable: ${(error as Error).message}` };
  }
  const problem = sourceTextProblem(content, content.toString('utf8'), settings);
  return problem === undefined ? { path: rel, absolute, language, bytes, mtimeMs } : { path: rel, reason: problem };
}
