import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContinuationIndex, encodeCompletionIndex, throwIfCancelled } from '@arenalab/core';
import type { Cancellation, ContinuationIndexOptions, Progress, SavedCompletionIndex } from '@arenalab/core';
import { readWorkspaceFile } from './indexWorkspace';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import type { SkippedWorkspaceFile, WorkspaceFile } from './listWorkspaceFiles';
import { readSavedIndex, writeSavedIndex, writeSavedIndexInBackground } from './savedIndexFile';

/** A workspace folder to index: engine keys are `prefix` + its '/'-separated relative paths. */
export interface IndexBuildRoot {
  root: string;
  prefix: string;
  excludes: readonly string[];
}

/** What to index, and where the saved index lives (none: nothing is loaded or saved). */
export interface IndexBuildJob {
  roots: readonly IndexBuildRoot[];
  /** How the engine indexes (its settings decide: token postings for synthesis, INDENT/DEDENT); a saved index made otherwise is rebuilt. */
  indexOptions: ContinuationIndexOptions;
  savedIndexFile?: string;
  /** Test hook: the build blocks its thread until this file exists (a stand-in for a very slow indexer). */
  gate?: string;
}

/** How the index came to be, for the log and the benchmark. */
export interface IndexBuildReport {
  /** `saved`: the saved index was loaded and brought up to date; `built`: indexed from scratch, see `why`. */
  source: 'saved' | 'built';
  why?: string;
  /** Files taken from the saved index unread (same size and time), re-indexed (content changed), new, and dropped. */
  kept: number;
  reindexed: number;
  added: number;
  removed: number;
  skipped: SkippedWorkspaceFile[];
  ms: { load: number; list: number; index: number; encode: number };
}

/** Whether the saved index was written (see saveBuiltIndex). */
export interface IndexSaveReport {
  written: boolean;
  problem?: string;
  ms: number;
}

export interface IndexBuildResult {
  /** The index, encoded (what the saved file holds): a worker hands it over without copying. */
  bytes: Uint8Array;
  /** Engine keys of the files read from disk. */
  keys: string[];
  /** The bytes differ from the saved file's (or there is none): saveBuiltIndex should write them. */
  changed: boolean;
  report: IndexBuildReport;
}

/** A listed file with its engine key. */
interface KeyedFile {
  key: string;
  file: WorkspaceFile;
}

/** A file whose modification time is this recent may still change within the same time stamp: it is checked next time. */
const SETTLED_MS = 2000;
/** Files between two progress reports and cancellation checks. */
const BATCH = 25;

/** A saved index of which more than this share of files is gone is rebuilt instead (the folders changed). */
const MOSTLY_GONE = 0.5;

/**
 * The workspace's completion index, from the saved one when it can be: a saved file is validated (format, checksum),
 * each saved file of unchanged size and modification time is taken unread, others are read and re-indexed when
 * their text changed, files gone are dropped and new ones added; the result is saved again when it changed. Without
 * a usable saved index (none, corrupt, other format) everything is indexed and the reason reported.
 */
export async function buildCompletionIndex(job: IndexBuildJob, token: Cancellation, progress: Progress, pause: () => Promise<void> = () => Promise.resolve()): Promise<IndexBuildResult> {
  const ms = { load: 0, list: 0, index: 0, encode: 0 };
  if (job.gate !== undefined) blockUntilExists(job.gate);
  let started = performance.now();
  const loaded = loadBase(job);
  let base: SavedBase | undefined = 'problem' in loaded ? undefined : loaded;
  let why: string | undefined = 'problem' in loaded ? loaded.problem : undefined;
  ms.load = performance.now() - started;
  started = performance.now();
  const skipped: SkippedWorkspaceFile[] = [];
  const listed = listAll(job, base?.stamps ?? new Map(), skipped);
  ms.list = performance.now() - started;
  throwIfCancelled(token, 'indexing');
  started = performance.now();
  const keys = new Set(listed.map((f) => f.key));
  const gone = base === undefined ? [] : [...base.stamps.keys()].filter((key) => !keys.has(key));
  if (base !== undefined && gone.length > MOSTLY_GONE * Math.max(1, base.stamps.size)) [base, why] = [undefined, `${gone.length} of its ${base.stamps.size} files are gone`];
  const stamps = base?.stamps ?? new Map<string, [number, number]>();
  // Restored only when something is to change: an unchanged workspace hands the saved bytes on as they are.
  let index: ContinuationIndex | undefined;
  const target = () => (index ??= base === undefined ? new ContinuationIndex(job.indexOptions) : ContinuationIndex.restore(base.saved.snapshot));
  const counts = { kept: 0, reindexed: 0, added: 0, removed: base === undefined ? 0 : gone.length };
  const next = new Map<string, [number, number]>();
  for (let i = 0; i < listed.length; i++) {
    if (i % BATCH === 0) {
      progress.report(i, listed.length);
      await pause();
      throwIfCancelled(token, 'indexing');
    }
    counts[refresh(target, listed[i], stamps, next)]++;
  }
  if (base !== undefined) for (const key of gone) target().removeFile(key);
  progress.report(listed.length, listed.length);
  ms.index = performance.now() - started;
  const changed = base === undefined || counts.reindexed + counts.added + counts.removed > 0 || stampsMoved(stamps, next);
  started = performance.now();
  const bytes = changed || base === undefined ? encode(job, target(), next) : base.bytes;
  ms.encode = performance.now() - started;
  const report: IndexBuildReport = { source: base === undefined ? 'built' : 'saved', ...(base === undefined && why !== undefined ? { why } : {}), ...counts, skipped, ms };
  return { bytes, keys: [...keys], changed, report };
}

/** A usable saved index: decoded (not yet restored), its bytes, and each live file's stamp. */
interface SavedBase {
  saved: SavedCompletionIndex;
  bytes: Uint8Array;
  stamps: Map<string, [number, number]>;
}

/** Blocks the calling thread (not just its promises) until `file` exists, checking every 20 ms. */
function blockUntilExists(file: string): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(file)) Atomics.wait(sleeper, 0, 0, 20);
}

/** The saved index, checked, with each live file's stamp; or why there is none. */
function loadBase(job: IndexBuildJob): SavedBase | { problem: string } {
  if (job.savedIndexFile === undefined) return { problem: 'no store to save the index in' };
  const read = readSavedIndex(job.savedIndexFile);
  if ('problem' in read) return read;
  // The one check restoring would make (and then throw on, later and on another thread): tokens are distinct.
  const { vocabulary } = read.saved.snapshot;
  if (new Set(vocabulary).size !== vocabulary.length) return { problem: 'the saved index is unusable (its vocabulary repeats a token)' };
  const { options } = read.saved.snapshot;
  if (options.tokenPostings !== job.indexOptions.tokenPostings || options.indentTokens !== job.indexOptions.indentTokens) {
    return { problem: 'the saved index was made with other engine settings (token postings or INDENT/DEDENT)' };
  }
  const stamps = new Map<string, [number, number]>();
  read.saved.snapshot.files.forEach((file, i) => {
    if (file.alive) stamps.set(file.path, [read.saved.stamps[2 * i], read.saved.stamps[2 * i + 1]]);
  });
  return { saved: read.saved, bytes: read.bytes, stamps };
}

/** Every folder's files with their keys; a file whose saved stamp matches is listed without reading it. */
function listAll(job: IndexBuildJob, stamps: ReadonlyMap<string, [number, number]>, skipped: SkippedWorkspaceFile[]): KeyedFile[] {
  return job.roots.flatMap(({ root, prefix, excludes }) => {
    const keyOf = (relative: string) => prefix + relative;
    const unchanged = (absolute: string, bytes: number, mtimeMs: number) => {
      const stamp = stamps.get(keyOf(path.relative(root, absolute).split(path.sep).join('/')));
      return stamp !== undefined && stamp[1] >= 0 && stamp[0] === bytes && stamp[1] === mtimeMs;
    };
    return listWorkspaceFiles(root, { excludes }, skipped, unchanged).map((file) => ({ key: keyOf(file.path), file }));
  });
}

/** Brings one listed file up to date in the index and records its stamp; says what it took. */
function refresh(target: () => ContinuationIndex, { key, file }: KeyedFile, stamps: ReadonlyMap<string, [number, number]>, next: Map<string, [number, number]>): 'kept' | 'reindexed' | 'added' {
  const stamp = stamps.get(key);
  const mtime = file.mtimeMs ?? -1;
  if (stamp !== undefined && stamp[1] >= 0 && stamp[0] === file.bytes && stamp[1] === mtime) {
    next.set(key, stamp);
    return 'kept';
  }
  const index = target();
  const had = index.linesOf(key);
  index.addFile(key, file.language, readWorkspaceFile(file));
  next.set(key, [file.bytes, Date.now() - mtime > SETTLED_MS ? mtime : -1]);
  if (had === undefined) return 'added';
  return index.linesOf(key) === had ? 'kept' : 'reindexed';
}

function stampsMoved(before: ReadonlyMap<string, [number, number]>, after: ReadonlyMap<string, [number, number]>): boolean {
  for (const [key, stamp] of after) {
    const old = before.get(key);
    if (old?.[0] !== stamp[0] || old[1] !== stamp[1]) return true;
  }
  return false;
}

/** The index and each file's stamp, encoded. */
function encode(job: IndexBuildJob, index: ContinuationIndex, stampOf: ReadonlyMap<string, [number, number]>): Uint8Array {
  const snapshot = index.snapshot();
  const stamps = new Float64Array(2 * snapshot.files.length).fill(-1);
  snapshot.files.forEach((file, i) => {
    const stamp = file.alive ? stampOf.get(file.path) : undefined;
    if (stamp !== undefined) stamps.set(stamp, 2 * i);
  });
  return encodeCompletionIndex({ snapshot, stamps, meta: { roots: job.roots.map((r) => ({ root: r.root, prefix: r.prefix })) } });
}

/** Writes a changed index to the job's saved-index file (atomically); a failed write is reported, not thrown. */
export function saveBuiltIndex(job: IndexBuildJob, bytes: Uint8Array, changed: boolean): IndexSaveReport {
  const started = performance.now();
  if (!changed || job.savedIndexFile === undefined) return { written: false, ms: 0 };
  try {
    writeSavedIndex(job.savedIndexFile, bytes);
    return { written: true, ms: performance.now() - started };
  } catch (error) {
    return { written: false, problem: `the index could not be saved: ${(error as Error).message}`, ms: performance.now() - started };
  }
}

/** `saveBuiltIndex` off the event loop (see writeSavedIndexInBackground). */
export async function saveBuiltIndexInBackground(job: IndexBuildJob, bytes: Uint8Array, changed: boolean): Promise<IndexSaveReport> {
  const started = performance.now();
  if (!changed || job.savedIndexFile === undefined) return { written: false, ms: 0 };
  try {
    await writeSavedIndexInBackground(job.savedIndexFile, bytes);
    return { written: true, ms: performance.now() - started };
  } catch (error) {
    return { written: false, problem: `the index could not be saved: ${(error as Error).message}`, ms: performance.now() - started };
  }
}
