import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolError } from '@arenalab/core';
import { DEFAULT_WORKSPACE_EXCLUDES } from '../workspace';
import { GitignoreStack } from '../workspace/gitignoreStack';

/** Where the workspace tools may look. */
export interface WorkspaceToolConfig {
  root: string;
  /** Extra exclusions in gitignore syntax, on top of the defaults and every .gitignore. @default [] */
  excludes: readonly string[];
  /** Largest file read or searched. @default 1 MiB */
  maxFileBytes: number;
}

export function resolveWorkspaceToolConfig(root: string, config: Partial<Omit<WorkspaceToolConfig, 'root'>> = {}): WorkspaceToolConfig {
  return { root: fs.realpathSync(root), excludes: [], maxFileBytes: 1024 * 1024, ...config };
}

export function excludeStack(config: WorkspaceToolConfig): GitignoreStack {
  return GitignoreStack.forRoot(config.root, [...DEFAULT_WORKSPACE_EXCLUDES, ...config.excludes]);
}

/** `..` counts as a path component, not as a prefix: `..notes.txt` is a name inside the folder. */
function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** True when any folder on the way to `rel`, or the file itself, is excluded (gitignore, defaults, user excludes). */
function isExcluded(config: WorkspaceToolConfig, rel: string): boolean {
  const parts = rel.split('/');
  let stack = excludeStack(config);
  for (let i = 0; i < parts.length - 1; i++) {
    const folder = parts.slice(0, i + 1).join('/');
    if (stack.ignores(folder, true)) return true;
    stack = stack.enter(path.join(config.root, folder), folder);
  }
  return stack.ignores(rel, false);
}

/**
 * The real path of a workspace file named by a relative path, or a `denied` ToolError saying why not: absolute
 * paths, `..` escapes, symbolic links that lead outside the workspace, and excluded files are all refused.
 */
export function confineWorkspacePath(config: WorkspaceToolConfig, requested: string): { absolute: string; rel: string } {
  if (requested.includes('\0')) throw new ToolError('denied', 'the path contains a NUL character');
  if (path.isAbsolute(requested) || /^[A-Za-z]:[\\/]/.test(requested)) {
    throw new ToolError('denied', `'${requested}' is an absolute path; give a path relative to the workspace (${config.root})`);
  }
  const lexical = path.resolve(config.root, requested);
  if (!inside(config.root, lexical)) throw new ToolError('denied', `'${requested}' is outside the workspace`);
  let real: string;
  try {
    real = fs.realpathSync(lexical);
  } catch {
    throw new ToolError('failed', `'${requested}' does not exist in the workspace`);
  }
  if (!inside(config.root, real)) throw new ToolError('denied', `'${requested}' is a symbolic link (or inside one) that leads outside the workspace`);
  const rel = path.relative(config.root, real).split(path.sep).join('/');
  if (rel === '' || isExcluded(config, rel)) throw new ToolError('denied', `'${requested}' is excluded (default excludes, .gitignore or the workspace's exclude settings)`);
  return { absolute: real, rel };
}

/** True when the bytes look binary (a NUL in the first 8 KB), as git decides. */
export function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}
