import * as fs from 'node:fs';
import type { CompletionEngine, Progress } from '@arenalab/core';
import { StatusNotification } from '@arenalab/protocol';
import type { ArenalabServerState, ReindexResult } from '@arenalab/protocol';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { DEFAULT_WORKSPACE_FILES_CONFIG, indexWorkspaceFiles, languageForPath, listWorkspaceFiles } from '../workspace';
import type { SkippedWorkspaceFile, WorkspaceFile } from '../workspace';
import { sourceTextProblem } from '../workspace/sourceTextProblem';
import type { DocumentSync } from './documentSync';
import type { WorkspaceRoots } from './workspaceRoots';

export interface WorkspaceIndexerDeps {
  connection: Connection;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  sync: DocumentSync;
  /** The user's extra exclusions (gitignore syntax), read at each full re-index. */
  excludes: () => readonly string[];
}

/**
 * The engine's view of the files on disk: every workspace folder indexed with work-done progress and announced by
 * `arenalab/status`, then single files refreshed as the client reports them changed.
 */
export class WorkspaceIndexer {
  private running: Promise<ReindexResult> | undefined;
  private fromDisk = new Set<string>();

  constructor(private readonly deps: WorkspaceIndexerDeps) {}

  /** Indexes every folder; a call while indexing runs joins that run instead of starting a second one. */
  reindex(): Promise<ReindexResult> {
    this.running ??= this.indexAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A file changed, appeared or vanished on disk; open documents keep the editor's text. */
  refreshFile(uri: string, deleted: boolean): void {
    const { engine, roots, sync } = this.deps;
    if (sync.isOpen(uri)) return;
    const key = roots.fileFor(uri);
    const absolute = roots.absoluteFor(uri);
    const problem = deleted || absolute === undefined || key === uri ? 'gone or outside the workspace' : this.diskProblem(absolute);
    if (problem !== undefined) {
      if (!deleted && key !== uri) this.deps.connection.console.info(`not indexing ${uri}: ${problem}`);
      engine.removeFile(key);
      this.fromDisk.delete(key);
      return;
    }
    engine.addFile(key, languageForPath(absolute as string) as string, fs.readFileSync(absolute as string, 'utf8').replace(/^\uFEFF/, ''));
    this.fromDisk.add(key);
  }

  private diskProblem(absolute: string): string | undefined {
    if (languageForPath(absolute) === undefined) return 'not a source language ArenaLab indexes';
    if (!fs.existsSync(absolute)) return 'no longer exists';
    const bytes = fs.readFileSync(absolute);
    if (bytes.length > DEFAULT_WORKSPACE_FILES_CONFIG.maxFileBytes) return `larger than ${DEFAULT_WORKSPACE_FILES_CONFIG.maxFileBytes} bytes`;
    return sourceTextProblem(bytes, bytes.toString('utf8'), DEFAULT_WORKSPACE_FILES_CONFIG);
  }

  private async indexAll(): Promise<ReindexResult> {
    const { connection } = this.deps;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('ArenaLab: indexing workspace', 0, 'listing files', true);
    this.sendStatus('indexing', 'listing files');
    let result: ReindexResult;
    try {
      result = await this.indexFiles(progress);
    } catch (error) {
      progress.done();
      this.sendStatus('error', `indexing failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    // Progress ends before ready is announced, so a client waiting for ready sees a finished progress bar.
    progress.done();
    this.sendStatus('ready', `${result.files} files indexed`);
    return result;
  }

  private async indexFiles(progress: WorkDoneProgressServerReporter): Promise<ReindexResult> {
    const { connection, engine, sync } = this.deps;
    const skipped: SkippedWorkspaceFile[] = [];
    const files = this.listAll(skipped);
    const keys = new Set(files.map((f) => f.path));
    for (const old of this.fromDisk) if (!keys.has(old)) engine.removeFile(old);
    const cancel = { get isCancelled() { return progress.token.isCancellationRequested; } };
    const report: Progress = { report: (done, total) => progress.report(total ? Math.round((done * 100) / total) : 0, `${done}/${total ?? '?'} files`) };
    await indexWorkspaceFiles(engine, files, cancel, report);
    this.fromDisk = keys;
    sync.reindexOpenDocuments();
    if (skipped.length > 0) connection.console.info(`indexing skipped ${skipped.length} files, e.g. ${skipped.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join(', ')}`);
    return engine.stats;
  }

  /** Every folder's source files, renamed to the engine's keys (folder-prefixed when there are several folders). */
  private listAll(skipped: SkippedWorkspaceFile[]): WorkspaceFile[] {
    const { roots } = this.deps;
    return roots.all.flatMap((root) => listWorkspaceFiles(root, { excludes: this.deps.excludes() }, skipped).map((f) => ({ ...f, path: roots.keyFor(root, f.path) })));
  }

  private sendStatus(state: ArenalabServerState, message: string): void {
    const { files, windows } = this.deps.engine.stats;
    void this.deps.connection.sendNotification(StatusNotification, { state, files, windows, message });
  }
}
