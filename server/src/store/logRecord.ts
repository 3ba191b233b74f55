import { crc32 } from 'node:zlib';
import { canonicalJson, type Span } from '@arenalab/core';
import { nodeSha256Hex } from './nodeSha256';

/**
 * One line of the log (format 1). A line is a JSON object
 * `{"seq":…,"prev":…,"hash":…,"spanHash":…,"span":{…},"crc":"xxxxxxxx"}` followed by `\n`. The CRC-32 covers the
 * bytes of the same object without its `crc` member, so a flipped byte (corruption) is told apart from an edit whose
 * author recomputed the CRC (tampering, caught by the hashes).
 */
export interface LogRecord {
  /** 0-based position in the log. */
  seq: number;
  /** `hash` of the previous record; `GENESIS_HASH` for the first. */
  prev: string;
  /** SHA-256 of canonical JSON of `{id, prev, seq, spanHash}`: the chain link. */
  hash: string;
  /** Content hash of the span (see `spanDigest`). */
  spanHash: string;
  span: Span;
}

/** `prev` of record 0. */
export const GENESIS_HASH = '0'.repeat(64);

const CRC_SUFFIX_LENGTH = ',"crc":"xxxxxxxx"}'.length;
const CRC_SUFFIX_PREFIX = Buffer.from(',"crc":"');
const CLOSE_BRACE = Buffer.from('}');
const HEX64 = /^[0-9a-f]{64}$/;
const HEX8 = /^[0-9a-f]{8}$/;

/** The id is chained too: the content hash leaves it out, and an edited id must not go unnoticed. */
export function recordHash(seq: number, prev: string, id: string, spanHash: string): string {
  return nodeSha256Hex(canonicalJson({ id, prev, seq, spanHash }));
}

/**
 * The line for a record, terminated by `\n`, ready to append. The span is written as `{"id":…,` followed by its
 * canonical content, so the stored bytes are exactly what was hashed: re-reading can never disagree with the hash,
 * whatever odd values (a `toJSON`, a Date) the caller's object held.
 */
export function encodeRecord(seq: number, prev: string, id: string, content: string, spanHash: string): { line: Buffer; hash: string } {
  const hash = recordHash(seq, prev, id, spanHash);
  const span = content === '{}' ? `{"id":${JSON.stringify(id)}}` : `{"id":${JSON.stringify(id)},${content.slice(1)}`;
  const body = `{"seq":${seq},"prev":"${prev}","hash":"${hash}","spanHash":"${spanHash}","span":${span}}`;
  const crc = crc32(body).toString(16).padStart(8, '0');
  return { line: Buffer.from(`${body.slice(0, -1)},"crc":"${crc}"}\n`, 'utf8'), hash };
}

export type DecodedLine =
  | { kind: 'ok'; record: LogRecord }
  | { kind: 'broken'; reason: 'checksum' | 'parse'; detail: string };

/** Decodes one line without its `\n`. Never throws: whatever the bytes, the answer is a record or a reason. */
export function decodeRecord(line: Buffer): DecodedLine {
  const checksum = checkCrc(line);
  if (checksum) return { kind: 'broken', reason: 'checksum', detail: checksum };
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch (error) {
    return { kind: 'broken', reason: 'parse', detail: `not JSON (${(error as Error).message})` };
  }
  const shape = checkShape(value);
  if (shape) return { kind: 'broken', reason: 'parse', detail: shape };
  const { seq, prev, hash, spanHash, span } = value as LogRecord;
  return { kind: 'ok', record: { seq, prev, hash, spanHash, span } };
}

function checkCrc(line: Buffer): string | undefined {
  const suffixStart = line.length - CRC_SUFFIX_LENGTH;
  if (suffixStart < 1 || !line.subarray(suffixStart, suffixStart + CRC_SUFFIX_PREFIX.length).equals(CRC_SUFFIX_PREFIX)) {
    return 'the line does not end with a checksum';
  }
  const stored = line.toString('latin1', suffixStart + CRC_SUFFIX_PREFIX.length, line.length - 2);
  if (!HEX8.test(stored) || line[line.length - 2] !== 0x22 || line[line.length - 1] !== 0x7d) {
    return 'the line does not end with a checksum';
  }
  const actual = crc32(CLOSE_BRACE, crc32(line.subarray(0, suffixStart)));
  if (actual !== parseInt(stored, 16)) {
    return `CRC-32 is ${actual.toString(16).padStart(8, '0')} but the line says ${stored}`;
  }
  return undefined;
}

function checkShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (!Number.isSafeInteger(record.seq) || (record.seq as number) < 0) return '`seq` is not a non-negative integer';
  for (const field of ['prev', 'hash', 'spanHash'] as const) {
    if (typeof record[field] !== 'string' || !HEX64.test(record[field] as string)) return `\`${field}\` is not a SHA-256 hex`;
  }
  const span = record.span;
  if (typeof span !== 'object' || span === null || Array.isArray(span)) return '`span` is not an object';
  if (typeof (span as Record<string, unknown>).id !== 'string') return '`span.id` is not a string';
  return undefined;
}
