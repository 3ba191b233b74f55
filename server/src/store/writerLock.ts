import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isOwnerAlive, processStartTime, readLockOwner, releaseLocksAtExit, sweepLockLeftovers } from './lockFile';
import { StoreError, StoreLockedError, type LockOwner } from './storeError';

export interface WriterLockConfig {
  /** `fail`: throw `StoreLockedError` at once when another live process holds the lock; `wait`: poll. @default 'fail' */
  lock: 'fail' | 'wait';
  /** With `wait`, give up (with `StoreLockedError`) after this many milliseconds. Minimum 0. @default 30000 */
  waitTimeoutMs: number;
  /** With `wait`, the longest pause between looks at the lock, in milliseconds; the first pauses are shorter. @default 100 */
  pollIntervalMs: number;
  /** Shown to a blocked second writer, e.g. `arenalab ingest`. @default the script name and its arguments */
  command: string;
}

export const DEFAULT_WRITER_LOCK_CONFIG: WriterLockConfig = {
  lock: 'fail',
  waitTimeoutMs: 30_000,
  pollIntervalMs: 100,
  command: [path.basename(process.argv[1] ?? process.argv0), ...process.argv.slice(2)].join(' ').slice(0, 200),
};

export const LOCK_FILE_NAME = 'writer.lock';

/** Consecutive lost races before an attempt counts as "held"; each race means the lock changed hands meanwhile. */
const MAX_RETRIES = 100;
/** A chain of takers that all died mid-takeover; beyond this, something other than crashes is going on. */
const MAX_CLAIM_CHAIN = 16;

type Attempt = { kind: 'acquired' } | { kind: 'held'; owner: LockOwner | undefined } | { kind: 'retry' };

/**
 * The append lock of a store directory: a file holding the owner's pid, process start time, host, time taken and
 * command. A store holds it only around each durable append (and recovery), so several processes can write.
 * It is created atomically by hard-linking a fully written draft (an exclusive create, like O_EXCL, but a reader
 * never sees a half-written file). A lock whose process is dead is taken over; see README "Writer lock".
 */
export class WriterLock {
  private released = false;

  private constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {}

  static async acquire(dir: string, config: Partial<WriterLockConfig> = {}): Promise<WriterLock> {
    const settings = { ...DEFAULT_WRITER_LOCK_CONFIG, ...config };
    const lockPath = path.join(dir, LOCK_FILE_NAME);
    const owner: LockOwner = {
      pid: process.pid,
      hostname: hostname(),
      since: new Date().toISOString(),
      command: settings.command,
      nonce: randomBytes(12).toString('hex'),
      ...startedField(),
    };
    const draft = `${lockPath}.${owner.nonce}.tmp`;
    await io(() => fsp.writeFile(draft, JSON.stringify(owner), { flag: 'wx' }), `cannot write ${draft}`);
    try {
      await acquireLoop(dir, lockPath, draft, settings);
    } finally {
      await unlinkQuiet(draft);
    }
    const lock = new WriterLock(lockPath, owner);
    releaseLocksAtExit.add(lock);
    await sweepLockLeftovers(dir, LOCK_FILE_NAME);
    return lock;
  }

  /** Runs `action` holding the lock (waited for, up to `waitTimeoutMs`), and releases it whatever happens. */
  static async around<T>(dir: string, config: Partial<WriterLockConfig>, action: () => Promise<T>): Promise<T> {
    const lock = await WriterLock.acquire(dir, config);
    try {
      return await action();
    } finally {
      await lock.release();
    }
  }

  get isReleased(): boolean {
    return this.released;
  }

  /** Removes the lock file if it is still ours. Idempotent. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    releaseLocksAtExit.delete(this);
    const current = await readLockOwner(this.lockPath);
    if (current.kind === 'owner' && current.owner.nonce === this.owner.nonce) await unlinkQuiet(this.lockPath);
  }
}

async function acquireLoop(dir: string, lockPath: string, draft: string, config: WriterLockConfig): Promise<void> {
  const started = Date.now();
  let retries = 0;
  let pause = 0.5;
  for (;;) {
    const attempt = await attemptOnce(lockPath, draft);
    if (attempt.kind === 'acquired') return;
    if (attempt.kind === 'retry' && retries++ < MAX_RETRIES) continue;
    const holder = attempt.kind === 'held' ? attempt.owner : undefined;
    if (config.lock === 'fail') throw new StoreLockedError(dir, holder, undefined);
    const waited = Date.now() - started;
    if (waited >= config.waitTimeoutMs) throw new StoreLockedError(dir, holder, waited);
    retries = 0;
    // Locks around single appends are held for milliseconds: look again soon, then back off to the poll interval.
    pause = Math.min(pause * 2, config.pollIntervalMs);
    await sleep(Math.max(1, Math.min(pause, config.waitTimeoutMs - waited)));
  }
}

/** Read once: a process's start time never changes. */
const OWN_START_TIME = processStartTime(process.pid);

function startedField(): { started?: string } {
  return OWN_START_TIME === undefined ? {} : { started: OWN_START_TIME };
}

async function attemptOnce(lockPath: string, draft: string): Promise<Attempt> {
  if (await linkExclusive(draft, lockPath)) return { kind: 'acquired' };
  const holder = await readLockOwner(lockPath);
  if (holder.kind === 'gone') return { kind: 'retry' };
  if (holder.kind === 'unreadable') return { kind: 'held', owner: undefined };
  if (isOwnerAlive(holder.owner)) return { kind: 'held', owner: holder.owner };
  return takeOver(lockPath, draft, holder.owner);
}

/**
 * Takes over the lock of a dead process. Two takers race for a claim file named after the dead owner's nonce;
 * only the one that creates it may replace the lock, and only after checking the lock still belongs to the dead
 * owner. A claimant that died mid-takeover is itself claimed over, by its own nonce.
 */
async function takeOver(lockPath: string, draft: string, stale: LockOwner): Promise<Attempt> {
  const chain = [stale.nonce];
  while (chain.length <= MAX_CLAIM_CHAIN) {
    const claim = claimPath(lockPath, chain[chain.length - 1]);
    if (await linkExclusive(draft, claim)) return finishTakeover(lockPath, draft, claim, chain);
    const claimant = await readLockOwner(claim);
    if (claimant.kind === 'gone') return { kind: 'retry' };
    if (claimant.kind === 'unreadable') return { kind: 'held', owner: undefined };
    if (isOwnerAlive(claimant.owner)) return { kind: 'held', owner: claimant.owner };
    chain.push(claimant.owner.nonce);
  }
  return { kind: 'held', owner: stale };
}

async function finishTakeover(lockPath: string, draft: string, claim: string, chain: string[]): Promise<Attempt> {
  const current = await readLockOwner(lockPath);
  if (current.kind !== 'owner' || !chain.includes(current.owner.nonce)) {
    await unlinkQuiet(claim);
    return { kind: 'retry' };
  }
  // Nobody else can touch the lock now: its owners in `chain` are dead and we hold the newest claim.
  await io(() => fsp.rename(draft, lockPath), `cannot replace ${lockPath}`);
  for (const nonce of chain) await unlinkQuiet(claimPath(lockPath, nonce));
  return { kind: 'acquired' };
}

function claimPath(lockPath: string, nonce: string): string {
  return `${lockPath}.claim-${nonce}`;
}

async function linkExclusive(from: string, to: string): Promise<boolean> {
  try {
    await fsp.link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreError('io', `cannot create ${to}: ${(error as Error).message}`, { cause: error });
  }
}

async function unlinkQuiet(file: string): Promise<void> {
  await fsp.unlink(file).catch(() => undefined);
}

async function io<T>(action: () => Promise<T>, what: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new StoreError('io', `${what}: ${(error as Error).message}`, { cause: error });
  }
}
