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
  /** Where to start: the end of records already trusted, their count and the last one's hash. @default the file start */
  from: { offset: number; seq: number; prev: string };
}

export const DEFAULT_SCAN_CONFIG: ScanConfig = { deep: false, from: { offset: 0, seq: 0, prev: GENESIS_HASH } };

/** Damaged records listed in full in a scan; all of them are counted. */
const MAX_LISTED_DAMAGED = 20;

export interface ScanResult {
  /** Number of trusted records, all before `firstBroken` (counted from the start of the file, not of the scan). */
  records: number;
  /** `hash` of the last trusted record, `GENESIS_HASH` when there is none. */
  headHash: string;
  /** Byte offset just past the last trusted record: where the next record goes. */
  goodEnd: number;
  /** Size of the file as read. */
  fileEnd: number;
  firstBroken: BrokenRecord | undefined;
  /**
   * Set when `firstBroken` and every line after it are debris of a write that did not finish: a last line without
   * its newline, or lines holding NUL bytes (the zero-filled blocks a power cut leaves inside the last write; the
   * encoder never writes a NUL). Only such a tail may be cut. Undefined when anything else is broken.
   */
  tail: { lines: number; bytes: number } | undefined;
  /**
   * Lines from `firstBroken` on that are not well-formed records (checksum, parse, torn), the first few listed.
   * A complete record whose bytes changed is damage, reported here and never cut.
   */
  damaged: { count: number; listed: BrokenRecord[] };
}

/** Called for each trusted record, in order, with its line's byte offset and length (without `\n`). */
export type RecordVisitor = (record: LogRecord, offset: number, length: number) => void;

type LineCheck = { ok: true; record: LogRecord } | { ok: false; reason: BrokenReason; detail: string };

/**
 * Walks the log once and reports the trusted prefix, what breaks it, and every damaged line after the break (the
 * scan goes on to the end so a report can count them). Never throws on bad bytes.
 */
export async function scanLog(path: string, config: Partial<ScanConfig>, visit: RecordVisitor): Promise<ScanResult> {
  const { deep, from } = { ...DEFAULT_SCAN_CONFIG, ...config };
  let records = from.seq;
  let headHash = from.prev;
  let goodEnd = from.offset;
  let fileEnd = from.offset;
  let firstBroken: BrokenRecord | undefined;
  let lineNumber = from.seq;
  let allDebris = true;
  let brokenLines = 0;
  const damaged = { count: 0, listed: [] as BrokenRecord[] };
  for await (const line of readLogLines(path, { start: from.offset })) {
    fileEnd = line.offset + line.length + (line.terminated ? 1 : 0);
    const check = checkLine(line, records, headHash, deep);
    if (!firstBroken && check.ok) {
      visit(check.record, line.offset, line.length);
      records += 1;
      headHash = check.record.hash;
      goodEnd = fileEnd;
    } else {
      brokenLines += 1;
      allDebris &&= isDebris(line);
      if (!firstBroken && !check.ok) firstBroken = brokenAt(lineNumber, line, check);
      // A well-formed line after the break is intact, only out of place; anything else is damaged bytes.
      if (!check.ok && !isWellFormed(line)) {
        damaged.count += 1;
        if (damaged.listed.length < MAX_LISTED_DAMAGED) damaged.listed.push(brokenAt(lineNumber, line, check));
      }
    }
    lineNumber += 1;
  }
  const tail = firstBroken && allDebris ? { lines: brokenLines, bytes: fileEnd - goodEnd } : undefined;
  return { records, headHash, goodEnd, fileEnd, firstBroken, tail, damaged: tail ? { count: 0, listed: [] } : damaged };
}

function brokenAt(lineNumber: number, line: LogLine, check: { reason: BrokenReason; detail: string }): BrokenRecord {
  return { position: lineNumber, line: lineNumber + 1, byteOffset: line.offset, reason: check.reason, detail: check.detail };
}

/** What an unfinished write leaves: no newline yet, or the zeroed blocks of a power cut. Never a changed record. */
function isDebris(line: LogLine): boolean {
  return !line.terminated || (line.bytes !== undefined && line.bytes.includes(0));
}

function isWellFormed(line: LogLine): boolean {
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
  if (decoded.kind === 'broken') {
    if (line.bytes.includes(0)) return { ok: false, reason: 'torn_tail', detail: `the line holds zeroed bytes: a write did not finish (${decoded.detail})` };
    return { ok: false, reason: decoded.reason, detail: decoded.detail };
  }
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

/** True when the span's content still hashes to the stored `spanHash`. */
export function spanMatches(record: LogRecord): boolean {
  try {
    return spanDigest(record.span) === record.spanHash;
  } catch {
    // Only a hand-made record nested deeper than the stack can get here; it cannot match any hash we wrote.
    return false;
  }
}
