import * as fs from 'node:fs';
import { throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { Cancellation, Progress } from '@arenalab/core';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import type { SkippedWorkspaceFile, WorkspaceFile, WorkspaceFilesConfig } from './listWorkspaceFiles';

/** What indexWorkspace needs from an engine (the CompletionEngine, or a test double). */
export interface FileIndexTarget {
  addFile(file: string, language: string, text: string): void;
  readonly stats: { files: number; windows: number };
}

export interface IndexWorkspaceResult {
  /** Files in the engine afterwards. */
  files: number;
  windows: number;
  /** Wall-clock seconds spent reading and indexing. */
  build_s: number;
}

/** Files between two yields to the host, so Ctrl-C and progress get a turn without slowing the build. */
const BATCH = 25;

/** Reads a workspace file as text (UTF-8, BOM removed, CRLF kept: the engine sees what the editor sees). */
export function readWorkspaceFile(file: WorkspaceFile): string {
  return fs.readFileSync(file.absolute, 'utf8').replace(/^\uFEFF/, '');
}

/** Why a listed file could not be read: gone since it was listed (a checkout still running), or unreadable. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no longer exists' : `unreadable: ${(error as Error).message}`;
}

/**
 * Reads and adds every listed file to the engine, reporting progress and honouring cancellation between batches. A
 * file that cannot be read any more is added to `skipped` with the reason, not a failure of the whole index.
 */
export async function indexWorkspaceFiles(
  engine: FileIndexTarget,
  files: readonly WorkspaceFile[],
  token: Cancellation,
  progress: Progress,
  skipped: SkippedWorkspaceFile[] = [],
): Promise<IndexWorkspaceResult> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < files.length; i++) {
    if (i % BATCH === 0) {
      progress.report(i, files.length);
      await yieldToHost();
      throwIfCancelled(token, 'indexing');
    }
    let text: string;
    try {
      text = readWorkspaceFile(files[i]);
    } catch (error) {
      skipped.push({ path: files[i].path, reason: readProblem(error) });
      continue;
    }
    engine.addFile(files[i].path, files[i].language, text);
  }
  progress.report(files.length, files.length);
  return { ...engine.stats, build_s: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Lists a workspace (see listWorkspaceFiles) and indexes every file; build_s covers listing, reading and indexing.
 * The skipped files are returned with their reasons.
 */
export async function indexWorkspace(
  engine: FileIndexTarget,
  root: string,
  config: Partial<WorkspaceFilesConfig>,
  token: Cancellation,
  progress: Progress,
): Promise<IndexWorkspaceResult & { skipped: SkippedWorkspaceFile[] }> {
  const start = process.hrtime.bigint();
  const skipped: SkippedWorkspaceFile[] = [];
  const files = listWorkspaceFiles(root, config, skipped);
  const result = await indexWorkspaceFiles(engine, files, token, progress, skipped);
  return { ...result, build_s: Number(process.hrtime.bigint() - start) / 1e9, skipped };
}
