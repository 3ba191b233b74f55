import type { GitCommit, GitFileChange } from '@arenalab/core';
import { parseDiffGitLine, parseFileMarkerPath, unquoteGitPath } from './gitQuotedPath';

export interface GitLogParserConfig {
  /**
   * Largest patch kept per file, in characters (UTF-16 code units, ≈ bytes for ASCII). Longer
   * diffs are cut at a line boundary and the change is marked `truncated`; additions and
   * deletions still count every line. Bounds: ≥ 1. @default 65536 (64 KiB)
   */
  maxPatchChars: number;
  /**
   * A diff line longer than this (a minified file) is not buffered whole: its head goes to the
   * patch budget and the rest is dropped, so memory stays bounded. Bounds: ≥ 1. @default 1048576
   */
  maxLineChars: number;
}

export const DEFAULT_GIT_LOG_PARSER_CONFIG: GitLogParserConfig = { maxPatchChars: 64 * 1024, maxLineChars: 1024 * 1024 };

/**
 * The `--format` of `git log` the parser expects. Each commit starts with NUL NUL nonce NUL and its
 * header fields are NUL-separated up to NUL nonce-end NUL, so no commit message — which may hold
 * newlines, `diff --git` lines or control characters but never NUL — can be mistaken for structure.
 */
export function gitLogFormat(nonce: string): string {
  return `--format=%x00%x00${nonce}%x00%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00%b%x00${nonce}-end%x00`;
}

interface FileState {
  change: GitFileChange;
  /** Lines of the current hunk still expected on the old and the new side. */
  oldLeft: number;
  newLeft: number;
}

/**
 * Push parser for the output of `git log -p` in `gitLogFormat`: feed it text as it arrives; it
 * returns each commit once the next one starts (or at `end`). It holds one commit at a time and at
 * most `maxPatchChars` of patch per file.
 */
export class GitLogParser {
  private buffer = '';
  private inHeader = false;
  private lineOverflow = false;
  private commit: GitCommit | undefined;
  private file: FileState | undefined;
  private readonly start: string;
  private readonly end_: string;

  constructor(nonce: string, private readonly config: GitLogParserConfig = DEFAULT_GIT_LOG_PARSER_CONFIG) {
    this.start = `\0\0${nonce}\0`;
    this.end_ = `\0${nonce}-end\0`;
  }

  push(chunk: string): GitCommit[] {
    this.buffer += chunk;
    const done: GitCommit[] = [];
    for (;;) {
      if (this.inHeader) {
        const endAt = this.buffer.indexOf(this.end_);
        if (endAt < 0) break;
        this.startCommit(this.buffer.slice(this.start.length, endAt), done);
        this.buffer = this.buffer.slice(endAt + this.end_.length);
        this.inHeader = false;
        continue;
      }
      if (!this.consumeLines()) break;
    }
    return done;
  }

  /** Flushes the last commit; call once when git's output ends. */
  end(): GitCommit[] {
    if (!this.inHeader && this.buffer !== '') this.diffLine(this.buffer);
    this.buffer = '';
    const done: GitCommit[] = [];
    this.finishCommit(done);
    return done;
  }

  /** Processes complete diff lines; returns true when it stopped at a commit header. */
  private consumeLines(): boolean {
    let position = 0;
    for (;;) {
      const newline = this.buffer.indexOf('\n', position);
      if (newline < 0) break;
      const line = this.buffer.slice(position, newline);
      if (!this.lineOverflow && line.startsWith(this.start)) {
        this.buffer = this.buffer.slice(position);
        this.inHeader = true;
        return true;
      }
      if (this.lineOverflow) this.appendPatch(line + '\n');
      else this.diffLine(line);
      this.lineOverflow = false;
      position = newline + 1;
    }
    this.buffer = this.buffer.slice(position);
    if (this.buffer.startsWith('\0')) {
      if (this.buffer.startsWith(this.start)) this.inHeader = true;
      return this.inHeader && this.buffer.includes(this.end_);
    }
    if (this.buffer.length > this.config.maxLineChars) {
      if (this.lineOverflow) this.appendPatch(this.buffer);
      else this.diffLine(this.buffer, false);
      this.lineOverflow = true;
      this.buffer = '';
    }
    return false;
  }

  private startCommit(header: string, done: GitCommit[]): void {
    this.finishCommit(done);
    const [sha, parents, authorName, authorEmail, date, subject, ...body] = header.split('\0');
    this.commit = {
      sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, date, subject: subject ?? '',
      body: body.join('\0').replace(/\s+$/, ''), files: [],
    };
  }

  private finishCommit(done: GitCommit[]): void {
    this.finishFile();
    if (this.commit) done.push(this.commit);
    this.commit = undefined;
  }

  private finishFile(): void {
    if (this.file && this.commit) this.commit.files.push(this.file.change);
    this.file = undefined;
  }

  private diffLine(line: string, complete = true): void {
    const file = this.file;
    if (file && (file.oldLeft > 0 || file.newLeft > 0)) {
      if (/^[ +\\-]|^$/.test(line)) return this.hunkLine(file, line, complete);
      // Hunk lines always start with a marker; anything else means the counts were off.
      file.oldLeft = file.newLeft = 0;
    }
    if (line.startsWith('diff --git ')) return this.startFile(line);
    if (!file) return; // the blank line between a header and its diff
    if (line.startsWith('@@')) return this.startHunk(file, line);
    if (line.startsWith('\\')) return this.appendPatch(line + '\n');
    this.fileHeaderLine(file.change, line);
  }

  private hunkLine(file: FileState, line: string, complete: boolean): void {
    const marker = line.charAt(0);
    if (marker === '+') {
      file.change.additions++;
      file.newLeft--;
    } else if (marker === '-') {
      file.change.deletions++;
      file.oldLeft--;
    } else if (marker !== '\\') {
      file.oldLeft--;
      file.newLeft--;
    }
    this.appendPatch(complete ? line + '\n' : line);
  }

  private startFile(line: string): void {
    this.finishFile();
    // Only the fallback path: `rename` and `---`/`+++` lines, when present, are unambiguous.
    const paths = parseDiffGitLine(line);
    this.file = {
      change: { path: paths?.newPath ?? '', status: 'modified', additions: 0, deletions: 0, binary: false, patch: '', truncated: false },
      oldLeft: 0,
      newLeft: 0,
    };
  }

  private startHunk(file: FileState, line: string): void {
    const counts = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    file.oldLeft = counts ? Number(counts[1] ?? 1) : 0;
    file.newLeft = counts ? Number(counts[2] ?? 1) : 0;
    this.appendPatch(line + '\n');
  }

  private fileHeaderLine(change: GitFileChange, line: string): void {
    if (line.startsWith('new file mode')) change.status = 'added';
    else if (line.startsWith('deleted file mode')) change.status = 'deleted';
    else if (line.startsWith('rename from ')) {
      change.status = 'renamed';
      change.oldPath = unquoteGitPath(line.slice('rename from '.length));
    } else if (line.startsWith('rename to ')) change.path = unquoteGitPath(line.slice('rename to '.length));
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') change.binary = true;
    else if (line.startsWith('--- ')) {
      const oldPath = parseFileMarkerPath(line);
      if (oldPath !== undefined && change.status === 'deleted') change.path = oldPath;
    } else if (line.startsWith('+++ ')) {
      const newPath = parseFileMarkerPath(line);
      if (newPath !== undefined) change.path = newPath;
    }
  }

  private appendPatch(text: string): void {
    const change = this.file?.change;
    if (!change || change.truncated) return;
    const room = this.config.maxPatchChars - change.patch.length;
    if (text.length <= room) {
      change.patch += text;
      return;
    }
    // Keep whole lines; only a first line that alone exceeds the budget is cut inside.
    if (change.patch === '') change.patch = text.slice(0, room);
    change.truncated = true;
  }
}
