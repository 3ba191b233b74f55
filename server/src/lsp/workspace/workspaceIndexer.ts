import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContinuationIndex, decodeCompletionIndex, throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { CompletionEngine, Progress } from '@arenalab/core';
import { StatusNotification } from '@arenalab/protocol';
import type { ArenalabServerState, ReindexResult } from '@arenalab/protocol';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { availableVectorIndex } from '../../adapters';
import { indexInWorker, languageForPath, prestartIndexWorker, readWorkspaceFile, WorkspaceFileFilter } from '../../workspace';
import type { IndexBuildJob, IndexSaveReport, SkippedWorkspaceFile, WorkspaceFile } from '../../workspace';
import { describeBuild, describeSave } from './indexBuildLog';
import type { DocumentSync } from './documentSync';
import type { FileChange } from './fileChangeBatch';
import type { WorkspaceRoots } from './workspaceRoots';

export interface WorkspaceIndexerDeps {
  connection: Connection;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  sync: DocumentSync;
  /** The user's extra exclusions (gitignore syntax) in a workspace folder, read at each full re-index. */
  excludes: (root: string) => readonly string[];
  /** Called after each full indexing is announced ready (the engine then calibrates itself in the background). */
  onReady?: () => void;
  /** Where the completion index is saved between runs (in the store); undefined: it is not saved. */
  savedIndexFile: () => string | undefined;
  /** The indexing worker's script; default INDEX_WORKER_SCRIPT. */
  workerScript?: string;
  /** Test hook: the indexing thread waits for this file to exist (see LspSettings.indexGate). */
  indexGate?: string;
}

/** Files refreshed between two turns for other requests. */
const REFRESH_TURN = 25;

/** One refresh of changed files: each folder's filter made once, and what to report or remove at the end. */
interface RefreshPass {
  filters: Map<string, WorkspaceFileFilter>;
  skipped: string[];
  /** Keys of gone paths that were not indexed files: folders, if any file was indexed under them. */
  deletedFolders: string[];
}

/** What is at an absolute path now, not following symbolic links; undefined when nothing is. */
function pathKind(absolute: string): 'file' | 'folder' | undefined {
  try {
    return fs.lstatSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The engine's view of the files on disk: every workspace folder indexed with work-done progress and announced by
 * `arenalab/status`, then single files refreshed as the client reports them changed.
 */
export class WorkspaceIndexer {
  private running: Promise<ReindexResult> | undefined;
  private queued: Promise<ReindexResult> | undefined;
  private fromDisk = new Set<string>();
  /** Set while a batch of changed files is applied (applyChanges). */
  private refreshing: Promise<void> | undefined;
  private lastState: ArenalabServerState | undefined;
  /** How the last full indexing got its index (announced with ready). */
  private indexSource: 'saved' | 'built' | undefined;
  /** Asked once: whether the native HNSW addon loads in this process does not change while it runs. */
  private vectorIndex: { kind: 'hnsw' | 'exact'; reason?: string } | undefined;

  constructor(private readonly deps: WorkspaceIndexerDeps) {
    // The first indexing is due as soon as the client is ready: its thread boots meanwhile.
    prestartIndexWorker(deps.workerScript);
  }

  /** Indexes every folder; a call while indexing runs joins that run instead of starting a second one. */
  reindex(): Promise<ReindexResult> {
    // After a batch of changed files that is being applied, so the listing sees what it left.
    this.running ??= (this.refreshing ?? Promise.resolve()).then(() => this.indexAll()).finally(() => (this.running = undefined));
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
   * A batch of watched-file changes (see refreshFiles), applied once the indexing that runs (if any) has finished,
   * giving other requests a turn every few files, then announced with the new count, unless a .gitignore among them
   * made everything be indexed again (which announces itself).
   */
  async applyChanges(changes: readonly FileChange[]): Promise<void> {
    await this.idle();
    if (this.gitignoreChanged(changes)) return;
    let finished = () => {};
    this.refreshing = new Promise<void>((resolve) => (finished = resolve));
    try {
      const pass = this.startPass();
      for (let i = 0; i < changes.length; i++) {
        if (i > 0 && i % REFRESH_TURN === 0) await yieldToHost();
        this.refreshOne(pass, changes[i]);
      }
      this.finishPass(pass);
    } finally {
      this.refreshing = undefined;
      finished();
    }
    this.deps.connection.console.info(`changed files on disk: ${changes.length} refreshed`);
    if (this.lastState === 'ready') this.sendStatus('ready', `${this.deps.engine.stats.files} files indexed`);
  }

  /**
   * Files changed, appeared or vanished on disk (watched-file events, or a document closed back to its disk state):
   * each is indexed only if listWorkspaceFiles would list it (gitignored, excluded, binary, too big, minified,
   * generated files are not), else removed; open documents keep the editor's text. A deleted folder takes the files
   * indexed under it along (editors report only the folder). A changed .gitignore changes what the whole folder
   * lists, so it re-indexes everything.
   */
  refreshFiles(changes: readonly FileChange[]): void {
    if (this.gitignoreChanged(changes)) return;
    const pass = this.startPass();
    for (const change of changes) this.refreshOne(pass, change);
    this.finishPass(pass);
  }

  /** Resolves once no indexing runs or waits to run. */
  private async idle(): Promise<void> {
    for (let busy = this.queued ?? this.running; busy !== undefined; busy = this.queued ?? this.running) await busy.catch(() => undefined);
  }

  private gitignoreChanged(changes: readonly FileChange[]): boolean {
    const changed = changes.some((change) => {
      const at = this.deps.roots.locate(change.uri);
      return at !== undefined && path.posix.basename(at.relative) === '.gitignore';
    });
    if (changed) this.reindexAfterChange().catch((error: unknown) => this.deps.connection.console.error(`re-indexing after a .gitignore change failed: ${String(error)}`));
    return changed;
  }

  private startPass(): RefreshPass {
    return { filters: new Map(), skipped: [], deletedFolders: [] };
  }

  private refreshOne(pass: RefreshPass, change: FileChange): void {
    const { roots, sync } = this.deps;
    if (sync.isOpen(change.uri)) return;
    const at = roots.locate(change.uri);
    const key = roots.fileFor(change.uri);
    const kind = at === undefined || change.deleted ? undefined : pathKind(path.join(at.root, at.relative));
    if (at === undefined || kind === undefined) {
      // Gone (deleted, or a closed document never saved): not indexed, nothing to report. A gone path that was not an
      // indexed file may be a folder with indexed files under it.
      if (at !== undefined && !this.fromDisk.has(key)) pass.deletedFolders.push(key);
      this.apply(change.uri, undefined);
      return;
    }
    if (kind === 'folder') return this.refreshFolder(pass, at);
    // Anything created is reported (a new folder comes as the folder alone); a file of no indexed language is not news.
    if (languageForPath(at.relative) === undefined && !this.fromDisk.has(key)) return;
    const reason = this.apply(change.uri, this.filterFor(pass, at.root).check(at.relative));
    if (reason !== undefined) pass.skipped.push(`${at.relative} (${reason})`);
  }

  /** A folder that appeared: its files as the listing would take them (editors report the folder alone). */
  private refreshFolder(pass: RefreshPass, at: { root: string; relative: string }): void {
    const skipped: SkippedWorkspaceFile[] = [];
    let files: WorkspaceFile[];
    try {
      files = this.filterFor(pass, at.root).listFolder(at.relative, skipped);
    } catch (error) {
      // Removed again while it was read (a checkout still running): what is left comes in later reports.
      pass.skipped.push(`${at.relative}/ (${(error as Error).message})`);
      return;
    }
    for (const file of files) this.apply(this.deps.roots.uriFor(path.join(at.root, file.path)), file);
    pass.skipped.push(...skipped.map((s) => `${s.path} (${s.reason})`));
  }

  private filterFor(pass: RefreshPass, root: string): WorkspaceFileFilter {
    let filter = pass.filters.get(root);
    if (filter === undefined) pass.filters.set(root, (filter = new WorkspaceFileFilter(root, { excludes: this.deps.excludes(root) })));
    return filter;
  }

  private finishPass(pass: RefreshPass): void {
    if (pass.deletedFolders.length > 0) this.removeUnder(pass.deletedFolders);
    // One line per batch: a branch switch can report thousands of build outputs.
    const { skipped } = pass;
    if (skipped.length > 0) this.deps.connection.console.info(`changed files not indexed: ${skipped.length}, e.g. ${skipped.slice(0, 5).join(', ')}`);
  }

  /** Removes the files read from disk under these folder keys, except open documents; linear in the indexed files. */
  private removeUnder(folders: readonly string[]): void {
    const { roots, sync } = this.deps;
    const gone = new Set(folders);
    const under = (key: string) => {
      for (let slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) if (gone.has(key.slice(0, slash))) return true;
      return false;
    };
    for (const key of [...this.fromDisk]) {
      if (!under(key)) continue;
      const at = roots.rootOf(key);
      if (at === undefined) continue;
      const uri = roots.uriFor(path.join(at.root, at.relative));
      if (!sync.isOpen(uri)) this.apply(uri, undefined);
    }
  }

  /**
   * Indexes the checked file, or removes it (gone, or skipped); returns why a file that was there is not indexed.
   * A file can vanish between the check and the read (a checkout still running): it is then removed, not an error.
   */
  private apply(uri: string, checked: WorkspaceFile | SkippedWorkspaceFile | undefined): string | undefined {
    const { engine, roots } = this.deps;
    const key = roots.fileFor(uri);
    let reason = checked !== undefined && 'reason' in checked ? checked.reason : undefined;
    if (checked !== undefined && !('reason' in checked)) {
      try {
        engine.addFile(key, checked.language, readWorkspaceFile(checked));
        this.fromDisk.add(key);
        return undefined;
      } catch (error) {
        reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no longer exists' : `unreadable: ${(error as Error).message}`;
      }
    }
    engine.removeFile(key);
    this.fromDisk.delete(key);
    return reason;
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
    this.sendStatus('ready', `${result.files} files indexed${this.indexSource === 'saved' ? ' (saved index loaded)' : ''}`);
    this.deps.onReady?.();
    return result;
  }

  /**
   * Every folder indexed on a worker thread (from the saved index when it is usable), then swapped into the engine
   * at once: until then completions answer from the previous index, the request's document and the open files.
   */
  private async indexFiles(progress: WorkDoneProgressServerReporter): Promise<ReindexResult> {
    const { engine, roots, sync } = this.deps;
    const savedIndexFile = this.deps.savedIndexFile();
    const job: IndexBuildJob = { indexOptions: engine.indexOptions, roots: roots.all.map((root) => ({ root, prefix: roots.keyFor(root, ''), excludes: this.deps.excludes(root) })), ...(savedIndexFile !== undefined ? { savedIndexFile } : {}), ...(this.deps.indexGate !== undefined ? { gate: this.deps.indexGate } : {}) };
    const cancel = { get isCancelled() { return progress.token.isCancellationRequested; } };
    const report: Progress = { report: (done, total) => progress.report(total ? Math.round((done * 100) / total) : 0, `${done}/${total ?? '?'} files`) };
    const started = performance.now();
    const built = await indexInWorker(job, cancel, report, { ...(this.deps.workerScript !== undefined ? { script: this.deps.workerScript } : {}), onSaved: (save) => this.logSave(save, savedIndexFile) });
    throwIfCancelled(cancel, 'indexing');
    // The worker checked these bytes; here they only become views and the vocabulary's map.
    engine.replaceIndex(ContinuationIndex.restore(decodeCompletionIndex(built.bytes, { verify: false }).snapshot));
    this.fromDisk = new Set(built.keys);
    this.indexSource = built.report.source;
    sync.reindexOpenDocuments();
    for (const line of describeBuild(built, (performance.now() - started) / 1000)) this.deps.connection.console.info(line);
    return engine.stats;
  }

  private logSave(save: IndexSaveReport, file: string | undefined): void {
    const line = describeSave(save, file);
    if (line === undefined) return;
    if (save.problem !== undefined) this.deps.connection.console.warn(line);
    else this.deps.connection.console.info(line);
  }

  private sendStatus(state: ArenalabServerState, message: string): void {
    this.lastState = state;
    const { files, windows } = this.deps.engine.stats;
    this.vectorIndex ??= availableVectorIndex();
    const { kind: vectorIndex, reason: vectorIndexReason } = this.vectorIndex;
    const indexSource = state === 'ready' ? this.indexSource : undefined;
    void this.deps.connection.sendNotification(StatusNotification, { state, files, windows, message, vectorIndex, vectorIndexReason, ...(indexSource !== undefined ? { indexSource } : {}) });
  }
}
