import { constants as fsConstants, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { CancelledError } from '@arenalab/core';
import { LogIndex } from './logIndex';
import { scanLog, type ScanResult } from './logScan';
import { StoreCorruptError, StoreError, type BrokenReason } from './storeError';
import { WriterLock, type WriterLockConfig } from './writerLock';

export const LOG_FILE_NAME = 'spans.log';

/** What a write-mode open cut off the end of the log: the debris of a write that never finished. */
export interface StoreRecovery {
  truncatedBytes: number;
  /** Lines cut, complete or not; none of them was ever acknowledged. */
  droppedRecords: number;
  reason: BrokenReason;
  /** The one-sentence account of the first cut line. */
  detail: string;
}

export interface OpenedLog {
  handle: FileHandle;
  index: LogIndex;
  lock: WriterLock | undefined;
  recovery: StoreRecovery | null;
  ignoredTailBytes: number;
}

/**
 * Write mode: lock, create if needed, scan, and cut a torn tail (ftruncate + fsync) before anything is appended.
 * Damage before the tail is never cut: it throws `StoreCorruptError` and leaves the file as it was.
 */
export async function openLogForWrite(dir: string, lockConfig: Partial<WriterLockConfig>): Promise<OpenedLog> {
  await guard(() => fsp.mkdir(dir, { recursive: true }), `cannot create store directory ${dir}`);
  const lock = await WriterLock.acquire(dir, lockConfig);
  const logPath = path.join(dir, LOG_FILE_NAME);
  let handle: FileHandle | undefined;
  try {
    const created = !(await exists(logPath));
    handle = await guard(() => fsp.open(logPath, 'a+'), `cannot open ${logPath}`);
    if (created) await syncDirectory(dir);
    const index = new LogIndex();
    const scan = await guard(() => scanLog(logPath, { deep: false }, index.add), `cannot read ${logPath}`);
    const recovery = describeTail(logPath, scan);
    if (recovery) {
      const opened = handle;
      await guard(async () => {
        await opened.truncate(scan.goodEnd);
        await opened.sync();
      }, `cannot cut the torn tail of ${logPath}`);
    }
    return { handle, index, lock, recovery, ignoredTailBytes: 0 };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
}

/** Read mode: no lock, no change; a torn tail is ignored (the next writer cuts it). */
export async function openLogForRead(dir: string): Promise<OpenedLog> {
  const logPath = path.join(dir, LOG_FILE_NAME);
  if (!(await exists(logPath))) throw new StoreError('missing', `no span store at ${dir} (${LOG_FILE_NAME} not found)`);
  const handle = await guard(() => fsp.open(logPath, 'r'), `cannot open ${logPath}`);
  try {
    const index = new LogIndex();
    const scan = await guard(() => scanLog(logPath, { deep: false }, index.add), `cannot read ${logPath}`);
    const tail = describeTail(logPath, scan);
    return { handle, index, lock: undefined, recovery: null, ignoredTailBytes: tail?.truncatedBytes ?? 0 };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

function describeTail(logPath: string, scan: ScanResult): StoreRecovery | null {
  if (!scan.firstBroken) return null;
  if (!scan.tail) throw new StoreCorruptError(logPath, scan.firstBroken);
  return {
    truncatedBytes: scan.tail.bytes,
    droppedRecords: scan.tail.lines,
    reason: scan.firstBroken.reason,
    detail: scan.firstBroken.detail,
  };
}

/** A new file's directory entry is only durable once the directory itself is synced. */
async function syncDirectory(dir: string): Promise<void> {
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
