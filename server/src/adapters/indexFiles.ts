import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeIndex, InvertedIndex } from '@arenalab/core';
import type { InvertedIndexConfig } from '@arenalab/core';
import { replaceFileAtomically } from '../host';

/**
 * Replaces `file` with `bytes` atomically (`replaceFileAtomically`), creating its folder when needed. A crash leaves
 * the old file or the new one; a stray temp file at worst, named `.<name>.tmp-*`, which loading ignores.
 */
export function writeIndexFile(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  replaceFileAtomically(file, bytes);
}

/** The bytes of an index file, or undefined when there is none (a first run). */
export function readIndexFile(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function saveInvertedIndex(file: string, index: InvertedIndex): void {
  writeIndexFile(file, index.serialize());
}

/** The saved index, or undefined when the file does not exist; a damaged file is an `IndexFormatError`. */
export function loadInvertedIndex(file: string, config: Partial<InvertedIndexConfig> = {}): InvertedIndex | undefined {
  const bytes = readIndexFile(file);
  return bytes && InvertedIndex.deserialize(bytes, config);
}

export function saveAttributeIndex(file: string, index: AttributeIndex): void {
  writeIndexFile(file, index.serialize());
}

/** The saved index, or undefined when the file does not exist; a damaged file is an `IndexFormatError`. */
export function loadAttributeIndex(file: string): AttributeIndex | undefined {
  const bytes = readIndexFile(file);
  return bytes && AttributeIndex.deserialize(bytes);
}
