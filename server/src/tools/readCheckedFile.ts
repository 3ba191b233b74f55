import * as fs from 'node:fs';
import { ToolError } from '@arenalab/core';

// O_NOFOLLOW refuses a final component that is a symbolic link; O_NONBLOCK keeps a FIFO from blocking the open.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** The path the kernel holds for an open descriptor (Linux), or undefined where /proc does not offer it. */
function descriptorPath(fd: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * True when the descriptor is the file at `real`. Linux: the kernel's own path of the descriptor. Elsewhere: the same
 * device and inode as what `real` names after the open, with `real` still free of symbolic links.
 */
function isDescriptorOf(fd: number, real: string): boolean {
  const held = descriptorPath(fd);
  if (held !== undefined) return held === real;
  try {
    const opened = fs.fstatSync(fd);
    const named = fs.statSync(real);
    return fs.realpathSync(real) === real && opened.dev === named.dev && opened.ino === named.ino;
  } catch {
    return false;
  }
}

/**
 * The bytes of the file at `real` (a real path already checked to be inside the workspace and not excluded), read
 * from one descriptor whose own path is compared with `real` first. A folder on the way swapped for a symbolic link
 * between the check and the open would otherwise make the read follow it out of the workspace: what is checked is
 * what is read. `shown` is the path used in messages. Throws a `denied` or `failed` ToolError saying why not.
 */
export function readCheckedFile(real: string, shown: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(real, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ToolError('denied', `'${shown}' became a symbolic link while it was being opened; refused`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ToolError('failed', `'${shown}' does not exist in the workspace`);
    throw new ToolError('failed', `'${shown}' could not be opened: ${(error as Error).message}`);
  }
  try {
    if (!isDescriptorOf(fd, real)) throw new ToolError('denied', `'${shown}' changed while it was being opened (a folder on the way was replaced, e.g. by a symbolic link); refused`);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ToolError('failed', `'${shown}' is not a file`);
    if (stat.size > maxBytes) throw new ToolError('denied', `'${shown}' is ${stat.size} bytes, larger than the ${maxBytes}-byte limit for reading`);
    const bytes = fs.readFileSync(fd);
    if (bytes.length > maxBytes) throw new ToolError('denied', `'${shown}' grew past the ${maxBytes}-byte limit for reading while it was read`);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
