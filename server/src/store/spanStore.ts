import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { throwIfCancelled, type Cancellation, type Span } from '@arenalab/core';
import { readLogLines } from './logLines';
import { LogIndex } from './logIndex';
import { decodeRecord, encodeRecord, type LogRecord } from './logRecord';
import {
  catchUp, guard, inspectLog, LOG_FILE_NAME, openForAppend, openLogForRead, openLogForWrite,
  type AppendLockConfig, type OpenedLog, type StoreRecovery,
} from './openLog';
import { nodeSha256Hex } from './nodeSha256';
import { canonicalSpanContent } from './spanDigest';
import { StoreCorruptError, StoreError, type BrokenReason } from './storeError';
import { ensureStoreFolder } from './storeFolder';
import { DEFAULT_WRITER_LOCK_CONFIG, WriterLock } from './writerLock';

export { LOG_FILE_NAME, type StoreRecovery };

export interface SpanStoreOptions extends Partial<AppendLockConfig> {
  /**
   * `write` may append: each append takes the store's append lock for the time of one write and fsync, so any
   * number of processes can write one store. `read` takes no lock and changes nothing.
   */
  mode: 'write' | 'read';
}

/** Appends wait for each other's lock up to this long by default; a live holder keeps it for milliseconds. */
const APPEND_LOCK_DEFAULTS: AppendLockConfig = { ...DEFAULT_WRITER_LOCK_CONFIG, waitTimeoutMs: 30_000, pollIntervalMs: 20 };

export interface AppendResult {
  appended: number;
  /** Spans skipped because their id or content hash was already stored (or earlier in the same batch). */
  duplicates: number;
  /** Ids of the spans appended by this call, in order. */
  ids: string[];
}

/**
 * The embedded span store: an append-only, hash-chained, checksummed log of spans in one directory (see README.md).
 * A resolved `append` is durable. Any number of writers, in any number of processes: each append takes the append
 * lock, reads what the others appended since, chains onto the file's head, writes and fsyncs, and lets go. Readers
 * see the log as it was when they opened.
 */
export class SpanStore {
  /** Read mode leaves a torn tail in place for a writer to cut; this is how many bytes it ignored. */
  readonly ignoredTailBytes: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private lastRecovery: StoreRecovery | null;

  private handle: FileHandle;
  private index: LogIndex;

  private constructor(
    readonly dir: string,
    readonly mode: 'write' | 'read',
    opened: OpenedLog,
    private readonly lockConfig: AppendLockConfig,
  ) {
    this.handle = opened.handle;
    this.index = opened.index;
    this.lastRecovery = opened.recovery;
    this.ignoredTailBytes = opened.ignoredTailBytes;
  }

  /**
   * The latest torn tail this store cut (at open, or before an append: left by a writer that died mid-write); null
   * when it never cut anything (and always in read mode).
   */
  get recovery(): StoreRecovery | null {
    return this.lastRecovery;
  }

  /**
   * Opens (in write mode, creates) the store in `dir`. Throws `StoreCorruptError` when a complete record is damaged
   * (nothing is cut), `StoreLockedError` when a torn tail must be cut and a live process kept the append lock past
   * `waitTimeoutMs`, `StoreError` for everything else.
   */
  static async open(dir: string, options: SpanStoreOptions): Promise<SpanStore> {
    const root = path.resolve(dir);
    const { mode, ...config } = options;
    const lockConfig = { ...APPEND_LOCK_DEFAULTS, ...config };
    const opened = mode === 'write' ? await openLogForWrite(root, lockConfig) : await openLogForRead(root);
    return new SpanStore(root, mode, opened, lockConfig);
  }

  get logPath(): string {
    return path.join(this.dir, LOG_FILE_NAME);
  }

  get count(): number {
    return this.index.count;
  }

  /** Hash of the newest record: record it elsewhere to detect a rewrite of the whole chain later. */
  get headHash(): string {
    return this.index.headHash;
  }

  /** True when a span with this id, or with this content hash, is stored. */
  has(idOrHash: string): boolean {
    return this.index.hasId(idOrHash) || this.index.hasHash(idOrHash);
  }

  async get(id: string): Promise<Span | undefined> {
    this.assertOpen();
    const seq = this.index.seqOfId(id);
    if (seq === undefined) return undefined;
    const { offset, length } = this.index.location(seq);
    const bytes = Buffer.alloc(length);
    await guard(() => this.handle.read(bytes, 0, length, offset), `cannot read ${this.logPath}`);
    const decoded = decodeRecord(bytes);
    if (decoded.kind === 'broken') throw this.changedUnderneath(seq, offset, decoded.reason, decoded.detail);
    return decoded.record.span;
  }

  /** Streams the spans in log order, as far as the log reached when the call was made. */
  async *spans(): AsyncGenerator<Span> {
    for await (const record of this.records()) yield record.span;
  }

  /** Streams whole records (seq, hashes and span), for callers that want the stored content hash. */
  async *records(): AsyncGenerator<LogRecord> {
    this.assertOpen();
    let seq = 0;
    try {
      for await (const line of readLogLines(this.logPath, { end: this.index.end })) {
        const decoded = line.bytes && line.terminated ? decodeRecord(line.bytes) : undefined;
        if (decoded?.kind !== 'ok') {
          throw this.changedUnderneath(seq, line.offset, decoded?.reason ?? 'checksum', decoded?.detail ?? 'the line is cut short');
        }
        yield decoded.record;
        seq += 1;
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('io', `cannot read ${this.logPath}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * Appends the spans that are not stored yet, as one write and one fdatasync; resolves once they are durable.
   * Calls are queued, so concurrent appends never interleave. Cancellation is honoured before the write starts,
   * never in the middle, so a cancelled ingest leaves whole batches only.
   */
  append(spans: readonly Span[], token?: Cancellation): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreError('closed', `store ${this.dir} is closed`));
    if (this.mode === 'read') return Promise.reject(new StoreError('read_only', `store ${this.dir} was opened in read mode`));
    const run = this.queue.then(() => this.appendNow(spans, token));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for queued appends, then releases the file. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle.close().catch(() => undefined);
  }

  private async appendNow(spans: readonly Span[], token: Cancellation | undefined): Promise<AppendResult> {
    throwIfCancelled(token, 'append');
    for (const span of spans) if (typeof span?.id !== 'string') throw new TypeError('SpanStore.append: every span needs a string id');
    const lock = await WriterLock.acquire(this.dir, { ...this.lockConfig, lock: 'wait' }).catch((error: unknown) => {
      if (error instanceof StoreError && error.code === 'io') {
        throw new StoreError('io', `${error.message}; none of these ${spans.length} spans was stored`, { cause: error });
      }
      throw error;
    });
    try {
      await this.follow();
      const batch = this.encodeBatch(spans);
      if (batch.entries.length > 0) {
        await this.writeDurably(Buffer.concat(batch.lines), batch.entries.length);
        for (const entry of batch.entries) this.index.add(entry.record, entry.offset, entry.length);
      }
      const ids = batch.entries.map((entry) => entry.record.span.id);
      return { appended: ids.length, duplicates: spans.length - ids.length, ids };
    } finally {
      await lock.release();
    }
  }

  /**
   * Under the append lock: brings the index up to the file, so dedup sees what other writers stored and the next
   * record chains onto the real head. A replaced log (a repair), or one shorter than what the index holds (cut by
   * hand), is read again from the start.
   */
  private async follow(): Promise<void> {
    let file = await inspectLog(this.logPath, this.handle);
    if (file.replaced || file.size < this.index.end) {
      await this.reload();
      file = await inspectLog(this.logPath, this.handle);
    }
    if (file.size === this.index.end) return;
    const recovery = await catchUp(this.logPath, this.handle, this.index, 'locked');
    if (recovery) this.lastRecovery = recovery;
  }

  private async reload(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await guard(async () => ensureStoreFolder(this.dir), `cannot create store directory ${this.dir}`);
    this.handle = (await openForAppend(this.logPath)).handle;
    this.index = new LogIndex();
  }

  private encodeBatch(spans: readonly Span[]) {
    const lines: Buffer[] = [];
    const entries: { record: LogRecord; offset: number; length: number }[] = [];
    const seen = new Set<string>();
    let prev = this.index.headHash;
    let offset = this.index.end;
    for (const span of spans) {
      const content = canonicalSpanContent(span);
      const spanHash = nodeSha256Hex(content);
      if (this.has(span.id) || this.index.hasHash(spanHash) || seen.has(span.id) || seen.has(spanHash)) continue;
      seen.add(span.id).add(spanHash);
      const seq = this.index.count + entries.length;
      const { line, hash } = encodeRecord(seq, prev, span.id, content, spanHash);
      lines.push(line);
      entries.push({ record: { seq, prev, hash, spanHash, span }, offset, length: line.length - 1 });
      prev = hash;
      offset += line.length;
    }
    return { lines, entries };
  }

  /**
   * One write, one fdatasync, under the append lock. On failure (a full disk) the log is cut back to where the
   * batch began, so no half of it stays; if even the cut fails, the next append's catch-up sees what is there.
   */
  private async writeDurably(bytes: Buffer, records: number): Promise<void> {
    const before = this.index.end;
    try {
      for (let written = 0; written < bytes.length; ) {
        written += (await this.handle.write(bytes, written, bytes.length - written)).bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      const cut = await this.rollBack(before);
      const held = `the log holds its ${this.index.count} earlier records, all durable`;
      const state = cut ? `none of these ${records} spans was stored; ${held}` : `none of these ${records} spans is acknowledged, and cutting them back failed (the next append checks what is there); ${held}`;
      throw new StoreError('io', `cannot append ${records} spans to ${this.logPath}: ${(error as Error).message}; ${state}`, {
        cause: error,
      });
    }
  }

  private async rollBack(end: number): Promise<boolean> {
    try {
      await this.handle.truncate(end);
      await this.handle.sync();
      return true;
    } catch {
      return false;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `store ${this.dir} is closed`);
  }

  private changedUnderneath(seq: number, offset: number, reason: BrokenReason, detail: string): StoreCorruptError {
    return new StoreCorruptError(this.logPath, {
      position: seq,
      line: seq + 1,
      byteOffset: offset,
      reason,
      detail: `${detail} (the log changed after it was opened)`,
    });
  }
}
