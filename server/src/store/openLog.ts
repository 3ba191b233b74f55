import { constants as fsConstants, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { CancelledError } from '@arenalab/core';
import { LogIndex } from './logIndex';
import { scanLog, type ScanResult } from './logScan';
import { StoreCorruptError, StoreError, type BrokenReason } from './storeError';
import { ensureStoreFolder } from './storeFolder';
import { WriterLock, type WriterLockConfig } from './writerLock';

export const LOG_FILE_NAME = 'spans.log';

/** What a writer cut off the end of the log: the debris of a write that never finished. */
export interface StoreRecovery {
  truncatedBytes: number;
  /** Lines cut, complete or not; none of them was ever acknowledged. */
  droppedRecords: number;
  reason: BrokenReason;
  /** The one-sentence account of the first cut line. */
  detail: string;
}

/** The lock settings of appends: the lock is always waited for, up to `waitTimeoutMs`. */
export type AppendLockConfig = Omit<WriterLockConfig, 'lock'>;

export interface OpenedLog {
  handle: FileHandle;
  index: LogIndex;
  recovery: StoreRecovery | null;
  ignoredTailBytes: number;
}

/**
 * Write mode: create if needed and scan without the lock (other writers go on appending meanwhile). Damage is
 * never cut: it throws `StoreCorruptError` and leaves the file as it was. An unfinished write at the end is only
 * judged under the append lock, since without it the line may be another writer's append in progress.
 */
export async function openLogForWrite(dir: string, lockConfig: Partial<AppendLockConfig>): Promise<OpenedLog> {
  await guard(async () => ensureStoreFolder(dir), `cannot create store directory ${dir}`);
  const logPath = path.join(dir, LOG_FILE_NAME);
  const { handle, created } = await openForAppend(logPath);
  try {
    if (created) await syncDirectory(dir);
    const index = new LogIndex();
    const scan = await guard(() => scanLog(logPath, { deep: false }, index.add), `cannot read ${logPath}`);
    throwIfDamaged(logPath, scan);
    const recovery = scan.firstBroken
      ? await WriterLock.around(dir, { ...lockConfig, lock: 'wait' }, () => catchUp(logPath, handle, index, 'locked'))
      : null;
    return { handle, index, recovery, ignoredTailBytes: 0 };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Read mode: no lock, no change; a torn tail (or another writer's append in progress) is ignored. */
export async function openLogForRead(dir: string): Promise<OpenedLog> {
  const logPath = path.join(dir, LOG_FILE_NAME);
  if (!(await exists(logPath))) throw new StoreError('missing', `no span store at ${dir} (${LOG_FILE_NAME} not found)`);
  const handle = await guard(() => fsp.open(logPath, 'r'), `cannot open ${logPath}`);
  try {
    const index = new LogIndex();
    const scan = await guard(() => scanLog(logPath, { deep: false }, index.add), `cannot read ${logPath}`);
    throwIfDamaged(logPath, scan);
    return { handle, index, recovery: null, ignoredTailBytes: scan.tail?.bytes ?? 0 };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Reads what other writers appended since `index` ends, checks it continues the chain, and adds it to the index, so
 * the next record chains onto the file's head and not onto a stale one in memory. Holding the lock, debris at the
 * end can only be a write that died: it is cut (ftruncate + fsync) and returned; without the lock it is left alone.
 */
export async function catchUp(logPath: string, handle: FileHandle, index: LogIndex, lock: 'locked' | 'unlocked'): Promise<StoreRecovery | null> {
  const from = { offset: index.end, seq: index.count, prev: index.headHash };
  const scan = await guard(() => scanLog(logPath, { deep: false, from }, index.add), `cannot read ${logPath}`);
  throwIfDamaged(logPath, scan);
  if (!scan.firstBroken || !scan.tail || lock === 'unlocked') return null;
  await guard(async () => {
    await handle.truncate(scan.goodEnd);
    await handle.sync();
  }, `cannot cut the torn tail of ${logPath}`);
  return { truncatedBytes: scan.tail.bytes, droppedRecords: scan.tail.lines, reason: scan.firstBroken.reason, detail: scan.firstBroken.detail };
}

/**
 * What the file at `logPath` is now: `replaced` when `handle` no longer is it (`arenalab verify --repair` renamed a
 * new log over it, or someone deleted it; appending through the old handle would write into a file nobody reads),
 * and the size of the file behind `handle`.
 */
export async function inspectLog(logPath: string, handle: FileHandle): Promise<{ replaced: boolean; size: number }> {
  const [onDisk, mine] = await Promise.all([
    fsp.stat(logPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new StoreError('io', `cannot stat ${logPath}: ${error.message}`, { cause: error });
    }),
    guard(() => handle.stat(), `cannot stat ${logPath}`),
  ]);
  return { replaced: onDisk === undefined || onDisk.ino !== mine.ino || onDisk.dev !== mine.dev, size: mine.size };
}

/** Opens (creating if needed) the log for appending; `created` says whether the directory entry is new. */
export async function openForAppend(logPath: string): Promise<{ handle: FileHandle; created: boolean }> {
  const created = !(await exists(logPath));
  const handle = await guard(() => fsp.open(logPath, 'a+'), `cannot open ${logPath}`);
  return { handle, created };
}

function throwIfDamaged(logPath: string, scan: ScanResult): void {
  if (scan.firstBroken && !scan.tail) throw new StoreCorruptError(logPath, scan.firstBroken, scan.damaged);
}

/** A new file's directory entry is only durable once the directory itself is synced. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await guard(() => fsp.open(dir, fsConstants.O_RDONLY), `cannot open directory ${dir}`);
  try {
    await guard(() => handle.sync(), `cannot sync directory ${dir}`);
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError('io', `cannot stat ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Store errors and cancellation pass through; any other failure becomes a `StoreError` with code `io`. */
export async function guard<T>(action: () => Promise<T>, what: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof StoreError || error instanceof CancelledError) throw error;
    throw new StoreError('io', `${what}: ${(error as Error).message}`, { cause: error });
  }
}
