import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionEngine, Progress } from '@arenalab/core';
import { StatusNotification } from '@arenalab/protocol';
import type { ArenalabServerState, ReindexResult } from '@arenalab/protocol';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { availableVectorIndex } from '../../adapters';
import { indexWorkspaceFiles, listWorkspaceFiles, readWorkspaceFile, WorkspaceFileFilter } from '../../workspace';
import type { SkippedWorkspaceFile, WorkspaceFile } from '../../workspace';
import type { DocumentSync } from './documentSync';
import type { WorkspaceRoots } from './workspaceRoots';

export interface WorkspaceIndexerDeps {
  connection: Connection;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  sync: DocumentSync;
  /** The user's extra exclusions (gitignore syntax) in a workspace folder, read at each full re-index. */
  excludes: (root: string) => readonly string[];
}

/**
 * The engine's view of the files on disk: every workspace folder indexed with work-done progress and announced by
 * `arenalab/status`, then single files refreshed as the client reports them changed.
 */
export class WorkspaceIndexer {
  private running: Promise<ReindexResult> | undefined;
  private queued: Promise<ReindexResult> | undefined;
  private fromDisk = new Set<string>();
  /** Asked once: whether the native HNSW addon loads in this process does not change while it runs. */
  private vectorIndex: { kind: 'hnsw' | 'exact'; reason?: string } | undefined;

  constructor(private readonly deps: WorkspaceIndexerDeps) {}

  /** Indexes every folder; a call while indexing runs joins that run instead of starting a second one. */
  reindex(): Promise<ReindexResult> {
    this.running ??= this.indexAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Indexes everything again once the running indexing (if any) has finished: what the folders list has changed
   * (folders added or removed, excludes or a .gitignore changed), so joining a run that started before would miss it.
   * Calls while one is queued join the queued run.
   */
  reindexAfterChange(): Promise<ReindexResult> {
    const previous = this.running?.catch(() => undefined) ?? Promise.resolve();
    this.queued ??= previous.then(() => {
      this.queued = undefined;
      return this.reindex();
    });
    return this.queued;
  }

  /**
   * Files changed, appeared or vanished on disk (watched-file events, or a document closed back to its disk state):
   * each is indexed only if listWorkspaceFiles would list it (gitignored, excluded, binary, too big, minified,
   * generated files are not), else removed; open documents keep the editor's text. A changed .gitignore changes
   * what the whole folder lists, so it re-indexes everything.
   */
  refreshFiles(changes: readonly { uri: string; deleted: boolean }[]): void {
    const filters = new Map<string, WorkspaceFileFilter>();
    const filterFor = (root: string) => filters.get(root) ?? filters.set(root, new WorkspaceFileFilter(root, { excludes: this.deps.excludes(root) })).get(root)!;
    const skipped: string[] = [];
    for (const change of changes) {
      const at = this.deps.roots.locate(change.uri);
      if (at !== undefined && path.posix.basename(at.relative) === '.gitignore') {
        this.reindexAfterChange().catch((error: unknown) => this.deps.connection.console.error(`re-indexing after a .gitignore change failed: ${String(error)}`));
        return;
      }
      if (this.deps.sync.isOpen(change.uri)) continue;
      // A file that is gone (deleted, or a closed document never saved) is simply not indexed: nothing to report.
      const gone = at === undefined || change.deleted || !fs.existsSync(path.join(at.root, at.relative));
      const checked = gone ? undefined : filterFor(at.root).check(at.relative);
      this.apply(change.uri, checked);
      if (checked !== undefined && 'reason' in checked) skipped.push(`${checked.path} (${checked.reason})`);
    }
    // One line per batch: a branch switch can report thousands of build outputs.
    if (skipped.length > 0) this.deps.connection.console.info(`changed files not indexed: ${skipped.length}, e.g. ${skipped.slice(0, 5).join(', ')}`);
  }

  private apply(uri: string, checked: WorkspaceFile | SkippedWorkspaceFile | undefined): void {
    const { engine, roots } = this.deps;
    const key = roots.fileFor(uri);
    if (checked === undefined || 'reason' in checked) {
      engine.removeFile(key);
      this.fromDisk.delete(key);
      return;
    }
    engine.addFile(key, checked.language, readWorkspaceFile(checked));
    this.fromDisk.add(key);
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
    return roots.all.flatMap((root) => listWorkspaceFiles(root, { excludes: this.deps.excludes(root) }, skipped).map((f) => ({ ...f, path: roots.keyFor(root, f.path) })));
  }

  private sendStatus(state: ArenalabServerState, message: string): void {
    const { files, windows } = this.deps.engine.stats;
    this.vectorIndex ??= availableVectorIndex();
    const { kind: vectorIndex, reason: vectorIndexReason } = this.vectorIndex;
    void this.deps.connection.sendNotification(StatusNotification, { state, files, windows, message, vectorIndex, vectorIndexReason });
  }
}
