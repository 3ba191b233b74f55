import * as fs from 'node:fs';
import * as path from 'node:path';

// The one place files are made durable: datasets, index files, the remembered violations and every other file
// that must survive a crash whole are written through these helpers.

let counter = 0;

/** Writes a file and fsyncs it before returning, so its bytes survive a crash once this returns. */
export function writeFileSynced(file: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Fsyncs a directory so that renames and new entries in it are durable. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` atomically: a hidden temp file beside it (`.<name>.tmp-*`) is written and fsynced, renamed over
 * the target, and the directory fsynced. A crash leaves the old file or the new one, never a torn mix (a stray temp
 * file at worst, which readers ignore); a failed write removes its temp file.
 */
export function replaceFileAtomically(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}-${counter++}`);
  try {
    writeFileSynced(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}

/** A fresh, uniquely named hidden sibling path for staging (`.<prefix>-<pid>-<time>-<n>`). */
export function stagingPath(dir: string, prefix: string): string {
  return path.join(dir, `.${prefix}-${process.pid}-${Date.now()}-${counter++}`);
}
