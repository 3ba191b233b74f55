import { readLogLines, type LogLine } from './logLines';
import { decodeRecord, GENESIS_HASH, recordHash, type LogRecord } from './logRecord';
import { spanDigest } from './spanDigest';
import type { BrokenReason, BrokenRecord } from './storeError';

export interface ScanConfig {
  /**
   * Also recompute every span's content hash. `verifyStore` does; opening a store trusts the stored hash (the
   * record hash still covers it), because hashing every span again would make opening a large store slow.
   * @default false
   */
  deep: boolean;
}

export const DEFAULT_SCAN_CONFIG: ScanConfig = { deep: false };

export interface ScanResult {
  /** Number of trusted records, all before `firstBroken`. */
  records: number;
  /** `hash` of the last trusted record, `GENESIS_HASH` when there is none. */
  headHash: string;
  /** Byte offset just past the last trusted record: where the next record goes. */
  goodEnd: number;
  /** Size of the file as read. */
  fileEnd: number;
  firstBroken: BrokenRecord | undefined;
  /**
   * Set when `firstBroken` and every line after it are torn or fail their checksum: the debris of an interrupted
   * write, which may be cut. Undefined when a valid record follows the break, or when the break is in a record
   * whose checksum holds (then someone edited the file, and cutting would destroy evidence and data).
   */
  tail: { lines: number; bytes: number } | undefined;
}

/** Called for each trusted record, in order, with its line's byte offset and length (without `\n`). */
export type RecordVisitor = (record: LogRecord, offset: number, length: number) => void;

type LineCheck = { ok: true; record: LogRecord } | { ok: false; reason: BrokenReason; detail: string };

/** Walks the log once and reports the trusted prefix and what, if anything, breaks it. Never throws on bad bytes. */
export async function scanLog(path: string, config: ScanConfig, visit: RecordVisitor): Promise<ScanResult> {
  let records = 0;
  let headHash = GENESIS_HASH;
  let goodEnd = 0;
  let fileEnd = 0;
  let firstBroken: BrokenRecord | undefined;
  let brokenLines = 0;
  for await (const line of readLogLines(path)) {
    fileEnd = line.offset + line.length + (line.terminated ? 1 : 0);
    if (firstBroken) {
      if (isValidRecord(line)) return { records, headHash, goodEnd, fileEnd, firstBroken, tail: undefined };
      brokenLines += 1;
      continue;
    }
    const check = checkLine(line, records, headHash, config.deep);
    if (check.ok) {
      visit(check.record, line.offset, line.length);
      records += 1;
      headHash = check.record.hash;
      goodEnd = fileEnd;
      continue;
    }
    firstBroken = { position: records, line: records + 1, byteOffset: line.offset, reason: check.reason, detail: check.detail };
    brokenLines = 1;
    if (!isDebrisReason(check.reason)) return { records, headHash, goodEnd, fileEnd, firstBroken, tail: undefined };
  }
  const tail = firstBroken ? { lines: brokenLines, bytes: fileEnd - goodEnd } : undefined;
  return { records, headHash, goodEnd, fileEnd, firstBroken, tail };
}

function isDebrisReason(reason: BrokenReason): boolean {
  return reason === 'torn_tail' || reason === 'checksum';
}

function isValidRecord(line: LogLine): boolean {
  return line.terminated && line.bytes !== undefined && decodeRecord(line.bytes).kind === 'ok';
}

function checkLine(line: LogLine, seq: number, prev: string, deep: boolean): LineCheck {
  if (!line.terminated) {
    return { ok: false, reason: 'torn_tail', detail: `the last line (${line.length} bytes) has no newline: a write did not finish` };
  }
  if (line.bytes === undefined) {
    return { ok: false, reason: 'checksum', detail: `the line is ${line.length} bytes long, beyond any record` };
  }
  const decoded = decodeRecord(line.bytes);
  if (decoded.kind === 'broken') return { ok: false, reason: decoded.reason, detail: decoded.detail };
  const record = decoded.record;
  if (record.seq !== seq) return { ok: false, reason: 'sequence', detail: `seq is ${record.seq}, expected ${seq}` };
  if (record.prev !== prev) {
    return { ok: false, reason: 'chain', detail: `prev does not match the hash of the record before (${prev.slice(0, 12)}…)` };
  }
  if (recordHash(record.seq, record.prev, record.span.id, record.spanHash) !== record.hash) {
    return { ok: false, reason: 'hash', detail: 'the record hash does not match seq, prev, span id and span hash' };
  }
  if (deep && !spanMatches(record)) {
    return { ok: false, reason: 'hash', detail: `the span ${JSON.stringify(record.span.id)} does not match its content hash (edited?)` };
  }
  return { ok: true, record };
}

function spanMatches(record: LogRecord): boolean {
  try {
    return spanDigest(record.span) === record.spanHash;
  } catch {
    // Only a hand-made record nested deeper than the stack can get here; it cannot match any hash we wrote.
    return false;
  }
}
