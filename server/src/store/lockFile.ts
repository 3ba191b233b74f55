import { promises as fsp, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { LockOwner } from './storeError';

/** What a lock (or claim, or draft) file says about its owner. */
export type LockFileState = { kind: 'owner'; owner: LockOwner } | { kind: 'unreadable' } | { kind: 'gone' };

export async function readLockOwner(file: string): Promise<LockFileState> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'gone' } : { kind: 'unreadable' };
  }
  const owner = parseOwner(text);
  return owner ? { kind: 'owner', owner } : { kind: 'unreadable' };
}

function parseOwner(text: string): LockOwner | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, hostname: host, since, command, nonce, started } = value as Record<string, unknown>;
  // A pid of 0 or below would make process.kill address a whole process group.
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0) return undefined;
  if (typeof host !== 'string' || typeof since !== 'string' || typeof command !== 'string') return undefined;
  if (typeof nonce !== 'string' || !/^[0-9a-f]{8,64}$/.test(nonce)) return undefined;
  if (started !== undefined && typeof started !== 'string') return undefined;
  return { pid: pid as number, hostname: host, since, command, nonce, ...(started === undefined ? {} : { started }) };
}

/**
 * Signal 0 checks that a process exists without touching it. ESRCH means it is gone; EPERM means it exists but
 * belongs to another user. Where /proc tells more, a zombie (killed, not yet reaped) is dead, and so is a process
 * whose start time differs from the one recorded in the lock: the pid was reused after the holder died. A lock from
 * another host cannot be checked, so it counts as alive.
 */
export function isOwnerAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  const now = readProcStat(owner.pid);
  if (now === undefined) return true;
  if (now.state === 'Z' || now.state === 'X') return false;
  return owner.started === undefined || owner.started === now.started;
}

/** The start time of a process (clock ticks since boot, from /proc), recorded in its lock; undefined off Linux. */
export function processStartTime(pid: number): string | undefined {
  return readProcStat(pid)?.started;
}

function readProcStat(pid: number): { state: string; started: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses; the fields after the last ')' are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, starttime field 22, so indexes 0 and 19 here.
  const [state, started] = [fields[0], fields[19]];
  return state && started && /^\d+$/.test(started) ? { state, started } : undefined;
}

interface HeldLock {
  readonly lockPath: string;
  readonly owner: LockOwner;
}

/** Locks still held when the process exits normally are removed then, synchronously (exit handlers cannot wait). */
export const releaseLocksAtExit = new Set<HeldLock>();

process.on('exit', () => {
  for (const lock of releaseLocksAtExit) {
    try {
      const owner = parseOwner(readFileSync(lock.lockPath, 'utf8'));
      if (owner?.nonce === lock.owner.nonce) unlinkSync(lock.lockPath);
    } catch {
      // Nothing to clean up, or nothing we may clean up; a stale lock is taken over on the next open anyway.
    }
  }
});

/**
 * Drafts and claims left by processes killed while acquiring or taking over a lock. Removing those of dead owners
 * is safe: a taker that still relies on one re-reads the lock before replacing it.
 */
export async function sweepLockLeftovers(dir: string, lockFileName: string): Promise<void> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`${lockFileName}.`)) continue;
    const file = path.join(dir, name);
    const state = await readLockOwner(file);
    if (state.kind === 'owner' && !isOwnerAlive(state.owner)) await fsp.unlink(file).catch(() => undefined);
  }
}
