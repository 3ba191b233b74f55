import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes a file and fsyncs it before returning, so its bytes survive a crash once this returns. */
export function writeFileSynced(file: string, data: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, data);
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

/** Replaces `file` atomically: write a temp file beside it, fsync, rename over, fsync the directory. */
export function replaceFileAtomically(file: string, data: string): void {
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  writeFileSynced(temp, data);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/** A fresh, uniquely named hidden sibling path for staging (`.<prefix>-<pid>-<time>-<n>`). */
let counter = 0;
export function stagingPath(dir: string, prefix: string): string {
  return path.join(dir, `.${prefix}-${process.pid}-${Date.now()}-${counter++}`);
}
