import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { throwIfCancelled, type Cancellation, type Span } from '@arenalab/core';
import { readLogLines } from './logLines';
import type { LogIndex } from './logIndex';
import { decodeRecord, encodeRecord, type LogRecord } from './logRecord';
import { guard, LOG_FILE_NAME, openLogForRead, openLogForWrite, type OpenedLog, type StoreRecovery } from './openLog';
import { nodeSha256Hex } from './nodeSha256';
import { canonicalSpanContent } from './spanDigest';
import { StoreCorruptError, StoreError, type BrokenReason } from './storeError';
import type { WriterLock, WriterLockConfig } from './writerLock';

export { LOG_FILE_NAME, type StoreRecovery };

export interface SpanStoreOptions extends Partial<WriterLockConfig> {
  /** `write` takes the single-writer lock and repairs a torn tail; `read` takes no lock and changes nothing. */
  mode: 'write' | 'read';
}

export interface AppendResult {
  appended: number;
  /** Spans skipped because their id or content hash was already stored (or earlier in the same batch). */
  duplicates: number;
  /** Ids of the spans appended by this call, in order. */
  ids: string[];
}

/**
 * The embedded span store: an append-only, hash-chained, checksummed log of spans in one directory (see README.md).
 * A resolved `append` is durable. One writer at a time; any number of readers, each seeing the log as it was when
 * it opened.
 */
export class SpanStore {
  /** Set by a write-mode open that cut a torn tail; null when the log was clean (and always in read mode). */
  readonly recovery: StoreRecovery | null;
  /** Read mode leaves a torn tail in place for the writer to cut; this is how many bytes it ignored. */
  readonly ignoredTailBytes: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private failure: StoreError | undefined;

  private readonly handle: FileHandle;
  private readonly index: LogIndex;
  private readonly lock: WriterLock | undefined;

  private constructor(
    readonly dir: string,
    readonly mode: 'write' | 'read',
    opened: OpenedLog,
  ) {
    this.handle = opened.handle;
    this.index = opened.index;
    this.lock = opened.lock;
    this.recovery = opened.recovery;
    this.ignoredTailBytes = opened.ignoredTailBytes;
  }

  /**
   * Opens (in write mode, creates) the store in `dir`. Throws `StoreLockedError` when another process writes it,
   * `StoreCorruptError` when the log is damaged before its tail, `StoreError` for everything else.
   */
  static async open(dir: string, options: SpanStoreOptions): Promise<SpanStore> {
    const root = path.resolve(dir);
    const { mode, ...lockConfig } = options;
    const opened = mode === 'write' ? await openLogForWrite(root, lockConfig) : await openLogForRead(root);
    return new SpanStore(root, mode, opened);
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

  /** Waits for queued appends, then releases the file and the writer lock. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle.close().catch(() => undefined);
    await this.lock?.release();
  }

  private async appendNow(spans: readonly Span[], token: Cancellation | undefined): Promise<AppendResult> {
    if (this.failure) throw this.failure;
    throwIfCancelled(token, 'append');
    const batch = this.encodeBatch(spans);
    if (batch.entries.length > 0) {
      await this.writeDurably(Buffer.concat(batch.lines));
      for (const entry of batch.entries) this.index.add(entry.record, entry.offset, entry.length);
    }
    const ids = batch.entries.map((entry) => entry.record.span.id);
    return { appended: ids.length, duplicates: spans.length - ids.length, ids };
  }

  private encodeBatch(spans: readonly Span[]) {
    const lines: Buffer[] = [];
    const entries: { record: LogRecord; offset: number; length: number }[] = [];
    const seen = new Set<string>();
    let prev = this.index.headHash;
    let offset = this.index.end;
    for (const span of spans) {
      if (typeof span?.id !== 'string') throw new TypeError('SpanStore.append: every span needs a string id');
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

  /** One write, one fdatasync. On failure the log is cut back, so memory and file never disagree. */
  private async writeDurably(bytes: Buffer): Promise<void> {
    const before = this.index.end;
    try {
      for (let written = 0; written < bytes.length; ) {
        written += (await this.handle.write(bytes, written, bytes.length - written)).bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      await this.rollBack(before, error);
      throw new StoreError('io', `cannot append to ${this.logPath}: ${(error as Error).message}; nothing was stored`, {
        cause: error,
      });
    }
  }

  private async rollBack(end: number, cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(end);
      await this.handle.sync();
    } catch {
      this.failure = new StoreError('closed', `a failed write left ${this.logPath} in an unknown state; reopen the store`, {
        cause,
      });
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
