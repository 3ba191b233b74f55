import * as fs from 'node:fs';
import * as path from 'node:path';
import { antiPatternRecords } from '@arenalab/core';
import type { AntiPattern } from '@arenalab/core';
import { replaceFileAtomically } from '../host';
import { ensureStoreFolder } from './storeFolder';

/** Where a store keeps the constitution's remembered violations. */
export const ANTI_PATTERNS_FILE = 'anti-patterns.json';

export interface LoadedAntiPatterns {
  records: AntiPattern[];
  /** Bad records (skipped) or an unreadable file, as sentences. */
  problems: string[];
  /**
   * False when the file exists but could not be read as a whole: saving would then overwrite what is there, so
   * callers must not save.
   */
  writable: boolean;
}

/** Reads `<storeDir>/anti-patterns.json`; a missing file is an empty memory. Never throws on bad content. */
export function loadAntiPatterns(storeDir: string): LoadedAntiPatterns {
  const file = path.join(storeDir, ANTI_PATTERNS_FILE);
  if (!fs.existsSync(file)) return { records: [], problems: [], writable: true };
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { records: [], problems: [`${file}: not JSON (${(error as Error).message}); remembered violations ignored and not overwritten`], writable: false };
  }
  const { records, problems } = antiPatternRecords(document);
  return { records, problems: problems.map((p) => `${file}: ${p}`), writable: Array.isArray(document) };
}

/** Writes the records atomically (temp file, fsync, rename), creating the store folder when needed. */
export function saveAntiPatterns(storeDir: string, records: readonly AntiPattern[]): void {
  ensureStoreFolder(storeDir);
  replaceFileAtomically(path.join(storeDir, ANTI_PATTERNS_FILE), JSON.stringify(records, null, 2) + '\n');
}
