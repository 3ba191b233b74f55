import { GENESIS_HASH, type LogRecord } from './logRecord';

/**
 * What a store keeps in memory about its log: where each record sits, and which ids and content hashes it holds.
 * Spans themselves stay on disk, so a store of 100k spans costs a few megabytes of index, not the whole log.
 */
export class LogIndex {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly hashes = new Map<string, number>();
  private head = GENESIS_HASH;
  private endOffset = 0;

  get count(): number {
    return this.offsets.length;
  }

  /** `hash` of the last record; the `prev` of the next. */
  get headHash(): string {
    return this.head;
  }

  /** Byte offset just past the last record. */
  get end(): number {
    return this.endOffset;
  }

  /** Records one more record at the end; `length` excludes the `\n`. */
  readonly add = (record: LogRecord, offset: number, length: number): void => {
    const seq = this.offsets.length;
    this.offsets.push(offset);
    this.lengths.push(length);
    // The first occurrence wins, so a log written before dedup existed still answers consistently.
    if (!this.ids.has(record.span.id)) this.ids.set(record.span.id, seq);
    if (!this.hashes.has(record.spanHash)) this.hashes.set(record.spanHash, seq);
    this.head = record.hash;
    this.endOffset = offset + length + 1;
  };

  hasId(id: string): boolean {
    return this.ids.has(id);
  }

  hasHash(spanHash: string): boolean {
    return this.hashes.has(spanHash);
  }

  seqOfId(id: string): number | undefined {
    return this.ids.get(id);
  }

  /** Where record `seq` sits; `length` excludes the `\n`. */
  location(seq: number): { offset: number; length: number } {
    return { offset: this.offsets[seq], length: this.lengths[seq] };
  }
}
