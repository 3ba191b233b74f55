import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * Test helper that edits a log the way a person with a text editor would: it changes a record and, like a careful
 * tamperer, recomputes the line checksum so that only the hash chain can tell. Lines stay in the original key order.
 */
export type RecordFields = { seq: number; prev: string; hash: string; spanHash: string; span: Record<string, unknown> };

export function readLogText(logPath: string): string[] {
  return readFileSync(logPath, 'utf8').split('\n').slice(0, -1);
}

export function writeLogText(logPath: string, lines: string[]): void {
  writeFileSync(logPath, lines.map((line) => `${line}\n`).join(''));
}

/** Rewrites line `index` through `edit`, with a valid checksum for the new content. */
export function tamperLine(logPath: string, index: number, edit: (record: RecordFields) => void): void {
  const lines = readLogText(logPath);
  const { crc: _crc, ...record } = JSON.parse(lines[index]) as RecordFields & { crc: string };
  edit(record);
  const body = JSON.stringify(record);
  lines[index] = `${body.slice(0, -1)},"crc":"${crc32(body).toString(16).padStart(8, '0')}"}`;
  writeLogText(logPath, lines);
}
