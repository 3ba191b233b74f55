import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeIndex, InvertedIndex } from '@arenalab/core';
import type { InvertedIndexConfig } from '@arenalab/core';

let counter = 0;

function fsyncPath(target: string, flags: string): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `bytes` atomically: a temp file beside it is written and fsynced, renamed over the target,
 * and the directory fsynced. A crash leaves the old file or the new one, never a torn mix (a stray temp file at
 * worst, named `.<name>.tmp-*`, which loading ignores).
 */
export function writeIndexFile(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}-${counter++}`);
  const fd = fs.openSync(temp, 'w');
  try {
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
  fsyncPath(dir, 'r');
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
