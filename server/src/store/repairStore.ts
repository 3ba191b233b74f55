import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { systemClock, type Clock } from '@arenalab/core';
import { readLogLines, type LogLine } from './logLines';
import { decodeRecord, encodeRecord, GENESIS_HASH, recordHash, type LogRecord } from './logRecord';
import { spanMatches } from './logScan';
import { guard, LOG_FILE_NAME, syncDirectory, type AppendLockConfig } from './openLog';
import { canonicalSpanContent } from './spanDigest';
import { StoreError, type BrokenReason } from './storeError';
import { DEFAULT_WRITER_LOCK_CONFIG, WriterLock } from './writerLock';

/** Why a line was moved out of the log. */
export type QuarantineReason = BrokenReason | 'duplicate';

export interface RepairReport {
  /** False when the log was already a valid chain: nothing was written. */
  repaired: boolean;
  /** Records in the log after the repair. */
  kept: number;
  quarantined: number;
  /** The side file holding the quarantined lines (absent when none were). */
  quarantineFile?: string;
  /** First position whose seq, prev and hash were rewritten; records before it are byte for byte unchanged. */
  rechainedFrom?: number;
  /** `hash` of the last well-formed record before the repair, and the head after it. */
  previousHeadHash: string;
  headHash: string;
  message: string;
}

export interface RepairConfig extends Partial<AppendLockConfig> {
  /** Names the quarantine file. @default systemClock */
  clock: Clock;
}

type Verdict = { keep: LogRecord } | { quarantine: QuarantineReason; detail: string };

/** Bytes gathered before each write of the new log. */
const WRITE_CHUNK_BYTES = 1024 * 1024;

/**
 * `arenalab verify --repair`: moves every line that is not a sound record (damaged bytes, a torn write, an edited
 * span, a repeated span) into `quarantine-<time>.jsonl` beside the log, and chains the rest again: from the first
 * removed line on, each kept record gets its new seq, the previous kept record's hash as prev, and a new hash; its
 * span bytes and span hash are unchanged. The new log is written beside the old one, fsynced and renamed over it
 * under the append lock, so a crash leaves either log whole, and writers that had the old one open notice the
 * replaced file on their next append and read the new one.
 */
export async function repairStore(dir: string, config: Partial<RepairConfig> = {}): Promise<RepairReport> {
  const root = path.resolve(dir);
  const logPath = path.join(root, LOG_FILE_NAME);
  await guard(() => fsp.stat(logPath), `no span store at ${root}`).catch((error: StoreError) => {
    throw (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? new StoreError('missing', `no span store at ${root} (${LOG_FILE_NAME} not found)`) : error;
  });
  const { clock = systemClock, ...lockConfig } = config;
  return WriterLock.around(root, { ...DEFAULT_WRITER_LOCK_CONFIG, ...lockConfig, lock: 'wait' }, () => rewrite(root, logPath, clock));
}

async function rewrite(root: string, logPath: string, clock: Clock): Promise<RepairReport> {
  const draftPath = `${logPath}.repair-${process.pid}-${clock.now()}.tmp`;
  const draft = await guard(() => fsp.open(draftPath, 'wx'), `cannot create ${draftPath}`);
  const quarantined: string[] = [];
  const state = { kept: 0, prev: GENESIS_HASH, previousHead: GENESIS_HASH, rechainedFrom: undefined as number | undefined };
  try {
    const ids = new Set<string>();
    const hashes = new Set<string>();
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    let lineNumber = 0;
    for await (const line of readLogLines(logPath)) {
      const verdict = judge(line, ids, hashes);
      if ('keep' in verdict) {
        const bytes = chained(verdict.keep, line, state);
        chunk.push(bytes);
        chunkBytes += bytes.length;
        state.previousHead = verdict.keep.hash;
      } else {
        state.rechainedFrom ??= state.kept;
        quarantined.push(quarantineLine(lineNumber, line, verdict));
      }
      if (chunkBytes >= WRITE_CHUNK_BYTES) [chunk, chunkBytes] = [await writeAll(draft, chunk), 0];
      lineNumber += 1;
    }
    await writeAll(draft, chunk);
    await guard(() => draft.sync(), `cannot sync ${draftPath}`);
  } catch (error) {
    await fsp.unlink(draftPath).catch(() => undefined);
    throw error;
  } finally {
    await draft.close();
  }
  if (state.rechainedFrom === undefined) {
    await fsp.unlink(draftPath).catch(() => undefined);
    return { repaired: false, kept: state.kept, quarantined: 0, previousHeadHash: state.prev, headHash: state.prev, message: `${logPath}: nothing to repair, ${state.kept} records, chain intact` };
  }
  const quarantineFile = quarantined.length > 0 ? await writeQuarantine(root, clock, quarantined, { ...state, logPath }) : undefined;
  await guard(() => fsp.rename(draftPath, logPath), `cannot replace ${logPath}`);
  await syncDirectory(root);
  const moved = quarantineFile ? `moved ${quarantined.length} records into ${quarantineFile}; ` : '';
  return {
    repaired: true,
    kept: state.kept,
    quarantined: quarantined.length,
    ...(quarantineFile ? { quarantineFile } : {}),
    rechainedFrom: state.rechainedFrom,
    previousHeadHash: state.previousHead,
    headHash: state.prev,
    message: `${logPath}: ${moved}${state.kept} records kept, chained again from record ${state.rechainedFrom}; new head ${state.prev}`,
  };
}

/** A record is kept when its own fields and span still match its hashes and its span is not stored already. */
function judge(line: LogLine, ids: Set<string>, hashes: Set<string>): Verdict {
  if (!line.terminated) return { quarantine: 'torn_tail', detail: 'the last line has no newline: a write did not finish' };
  if (line.bytes === undefined) return { quarantine: 'checksum', detail: `the line is ${line.length} bytes long, beyond any record` };
  const decoded = decodeRecord(line.bytes);
  if (decoded.kind === 'broken') return { quarantine: decoded.reason, detail: decoded.detail };
  const record = decoded.record;
  if (recordHash(record.seq, record.prev, record.span.id, record.spanHash) !== record.hash || !spanMatches(record)) {
    return { quarantine: 'hash', detail: 'the record does not match its own hashes (edited after it was written)' };
  }
  if (ids.has(record.span.id) || hashes.has(record.spanHash)) {
    return { quarantine: 'duplicate', detail: `span ${JSON.stringify(record.span.id)} is stored earlier in the log` };
  }
  ids.add(record.span.id);
  hashes.add(record.spanHash);
  return { keep: record };
}

/** The record's line as it goes into the new log: unchanged while nothing before it moved, else chained again. */
function chained(record: LogRecord, line: LogLine, state: { kept: number; prev: string; rechainedFrom: number | undefined }): Buffer {
  const seq = state.kept;
  state.kept += 1;
  if (record.seq === seq && record.prev === state.prev) {
    state.prev = record.hash;
    return Buffer.concat([line.bytes as Buffer, Buffer.from('\n')]);
  }
  const encoded = encodeRecord(seq, state.prev, record.span.id, canonicalSpanContent(record.span), record.spanHash);
  state.prev = encoded.hash;
  state.rechainedFrom ??= seq;
  return encoded.line;
}

function quarantineLine(lineNumber: number, line: LogLine, verdict: { quarantine: QuarantineReason; detail: string }): string {
  const bytes = line.bytes ?? Buffer.alloc(0);
  return JSON.stringify({
    line: lineNumber + 1,
    byteOffset: line.offset,
    length: line.length,
    reason: verdict.quarantine,
    detail: verdict.detail,
    // The exact bytes, so nothing is lost; the text only for reading.
    base64: bytes.toString('base64'),
    text: bytes.toString('utf8'),
  });
}

async function writeQuarantine(root: string, clock: Clock, lines: string[], summary: { kept: number; prev: string; previousHead: string; rechainedFrom?: number; logPath: string }): Promise<string> {
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
  const trailer = JSON.stringify({ summary: { log: summary.logPath, at: new Date(clock.now()).toISOString(), quarantined: lines.length, kept: summary.kept, rechainedFrom: summary.rechainedFrom, previousHeadHash: summary.previousHead, headHash: summary.prev } });
  const text = [...lines, trailer].map((line) => `${line}\n`).join('');
  for (let attempt = 0; ; attempt += 1) {
    const file = path.join(root, `quarantine-${stamp}${attempt === 0 ? '' : `-${attempt}`}.jsonl`);
    let handle: FileHandle;
    try {
      handle = await fsp.open(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      throw new StoreError('io', `cannot create ${file}: ${(error as Error).message}`, { cause: error });
    }
    try {
      await guard(() => handle.writeFile(text), `cannot write ${file}`);
      await guard(() => handle.sync(), `cannot sync ${file}`);
    } finally {
      await handle.close();
    }
    return file;
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer[]): Promise<Buffer[]> {
  const bytes = Buffer.concat(chunk);
  await guard(async () => {
    for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
  }, 'cannot write the repaired log');
  return [];
}
