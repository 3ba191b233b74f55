import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** The rules of one folder's .gitignore, with the folder they are relative to ('' for the root). */
interface Level {
  base: string;
  rules: Ignore;
}

function withBase(base: string, rel: string): string {
  return base === '' ? rel : rel.slice(base.length + 1);
}

/**
 * The .gitignore files that apply at one point of a walk, root first, as git reads them: a path is tested against
 * every level from the root down, relative to that level's folder, and the deepest level that has an opinion wins
 * (so a nested `!keep.ts` re-includes what a parent excluded). Folders that are ignored are never entered, so, as in
 * git, nothing inside an excluded folder can be re-included.
 */
export class GitignoreStack {
  private constructor(private readonly levels: readonly Level[]) {}

  /** The root level: `patterns` (defaults and user excludes, gitignore syntax) plus the root's .gitignore and .git/info/exclude. */
  static forRoot(root: string, patterns: readonly string[]): GitignoreStack {
    const rules = ignore().add([...patterns]);
    for (const file of ['.gitignore', path.join('.git', 'info', 'exclude')]) {
      const text = readIfExists(path.join(root, file));
      if (text !== undefined) rules.add(text);
    }
    return new GitignoreStack([{ base: '', rules }]);
  }

  /** The stack for a sub-folder (repo-relative `rel`), with its own .gitignore when it has one. */
  enter(absolute: string, rel: string): GitignoreStack {
    const text = readIfExists(path.join(absolute, '.gitignore'));
    return text === undefined ? this : new GitignoreStack([...this.levels, { base: rel, rules: ignore().add(text) }]);
  }

  /** Whether a repo-relative path is ignored; folders are tested with a trailing '/' so `build/` rules match them. */
  ignores(rel: string, isFolder: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const local = withBase(level.base, rel) + (isFolder ? '/' : '');
      const result = level.rules.test(local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
