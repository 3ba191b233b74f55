/**
 * One commit as read from `git log` by the host (server/src/ingest/gitHistory.ts), in the shape
 * the pure converter (gitCommitsToSpans) needs. Paths use `/` and are relative to the repository root.
 */

export const GIT_CHANGE_STATUSES = ['added', 'modified', 'deleted', 'renamed'] as const;
export type GitChangeStatus = (typeof GIT_CHANGE_STATUSES)[number];

export interface GitFileChange {
  /** Path after the change (for a deleted file: the path it had). */
  path: string;
  /** Path before a rename. */
  oldPath?: string;
  status: GitChangeStatus;
  /** Lines added and removed, counted over the whole diff even when `patch` is truncated. */
  additions: number;
  deletions: number;
  /** Git considers the file binary: no textual diff, `patch` is empty. */
  binary: boolean;
  /** The unified diff hunks of this file (from the first `@@` line), possibly truncated. */
  patch: string;
  /** `patch` was cut at the reader's per-file limit. */
  truncated: boolean;
}

export interface GitCommit {
  /** Full 40-hex (or 64-hex) object id. */
  sha: string;
  /** Parent ids; more than one for a merge. */
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO-8601 with the author's offset as git prints it (`%aI`). */
  date: string;
  /** First paragraph of the message, joined into one line. */
  subject: string;
  /** The rest of the message. */
  body: string;
  files: GitFileChange[];
}
