import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitignoreStack } from './gitignoreStack';
import { languageForPath } from './languageForPath';
import { DEFAULT_WORKSPACE_FILES_CONFIG, inspectFile, walkWorkspaceFolder } from './listWorkspaceFiles';
import type { SkippedWorkspaceFile, WorkspaceFile, WorkspaceFilesConfig } from './listWorkspaceFiles';

/**
 * listWorkspaceFiles' judgement for single files of one workspace folder, for files reported changed one by one
 * (watched-file events): the same .gitignore files (nested ones too, and .git/info/exclude), default and user
 * excludes, and size/binary/minified/generated checks. The .gitignore of each folder is read once per filter, so a
 * burst of events (a branch switch) costs one read per folder; make a new filter to see later .gitignore edits.
 */
export class WorkspaceFileFilter {
  private readonly settings: WorkspaceFilesConfig;
  /** Per folder (repo-relative, '' for the root): its rules, or undefined when the folder itself is excluded. */
  private readonly stacks = new Map<string, GitignoreStack | undefined>();

  constructor(private readonly root: string, config: Partial<WorkspaceFilesConfig> = {}) {
    this.settings = { ...DEFAULT_WORKSPACE_FILES_CONFIG, ...config };
    this.stacks.set('', GitignoreStack.forRoot(root, [...this.settings.defaultExcludes, ...this.settings.excludes]));
  }

  /** The file at `relative` ('/'-separated) as listWorkspaceFiles would list it, or why it would be skipped. */
  check(relative: string): WorkspaceFile | SkippedWorkspaceFile {
    const folders = relative.split('/');
    const name = folders.pop() as string;
    const language = languageForPath(name);
    if (language === undefined) return { path: relative, reason: 'not a source language ArenaLab indexes' };
    const stack = this.stackFor(folders);
    if (stack === undefined) return { path: relative, reason: 'in an excluded or gitignored folder' };
    if (stack.ignores(relative, false)) return { path: relative, reason: 'excluded or gitignored' };
    const absolute = path.join(this.root, ...relative.split('/'));
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(absolute);
    } catch {
      return { path: relative, reason: 'no longer exists' };
    }
    // The walk does not follow symbolic links (no cycles, nothing outside the root); neither does this.
    if (!stats.isFile()) return { path: relative, reason: stats.isSymbolicLink() ? 'a symbolic link (not followed)' : 'not a regular file' };
    return inspectFile(absolute, relative, language, this.settings);
  }

  /**
   * The files under the folder at `relative` as listWorkspaceFiles would list them, the skipped ones added to
   * `skipped`: a folder that appeared (a checkout, a build output) is reported by editors as the folder alone.
   */
  listFolder(relative: string, skipped: SkippedWorkspaceFile[]): WorkspaceFile[] {
    const stack = this.stackFor(relative.split('/'));
    const found: WorkspaceFile[] = [];
    if (stack !== undefined) walkWorkspaceFolder(path.join(this.root, ...relative.split('/')), relative, stack, { settings: this.settings, found, skipped, unchanged: undefined });
    return found;
  }

  /**
   * Whether the rules alone (default and user excludes, every .gitignore) leave `relative` out, without touching the
   * file itself: cheap enough for every suggestion shown.
   */
  excludes(relative: string): boolean {
    const folders = relative.split('/');
    folders.pop();
    const stack = this.stackFor(folders);
    return stack === undefined || stack.ignores(relative, false);
  }

  private stackFor(folders: readonly string[]): GitignoreStack | undefined {
    let rel = '';
    let stack = this.stacks.get('');
    for (const name of folders) {
      const child = rel === '' ? name : `${rel}/${name}`;
      if (!this.stacks.has(child)) {
        this.stacks.set(child, stack === undefined || stack.ignores(child, true) ? undefined : stack.enter(path.join(this.root, ...child.split('/')), child));
      }
      stack = this.stacks.get(child);
      rel = child;
      if (stack === undefined) return undefined;
    }
    return stack;
  }
}
