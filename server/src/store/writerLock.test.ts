import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChildScript } from './childScript';
import { StoreLockedError } from './storeError';
import { LOCK_FILE_NAME, WriterLock } from './writerLock';

/** Starts a lockHolder child that takes the lock, then kills it with SIGKILL so its lock file stays behind. */
async function leaveStaleLock(dir: string): Promise<number> {
  const holder = new ChildScript('lockHolder', [dir, 'fail']);
  const pid = Number((await holder.waitForLine('LOCKED')).split(' ')[1]);
  await holder.kill('SIGKILL');
  assert.equal(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid, pid);
  return pid;
}

/** A pid that certainly belongs to no running process: a child that already exited and was reaped. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  assert.ok(pid !== undefined && pid > 0);
  return pid;
}

function writeOwner(file: string, pid: number, nonce: string): void {
  writeFileSync(file, JSON.stringify({ pid, hostname: hostname(), since: new Date(0).toISOString(), command: 'gone', nonce }));
}

describe('writer lock takeover protocol', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-lockproto-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lockFiles = (): string[] => readdirSync(dir).filter((name) => name.startsWith(LOCK_FILE_NAME)).sort();

  it('lets exactly one of many concurrent acquirers take over a stale lock', async () => {
    for (let round = 0; round < 20; round += 1) {
      writeOwner(path.join(dir, LOCK_FILE_NAME), deadPid(), `aaaa${round}`.padEnd(8, '0'));
      const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => WriterLock.acquire(dir)));
      const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
      assert.equal(winners.length, 1);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') assert.ok(attempt.reason instanceof StoreLockedError, String(attempt.reason));
      }
      await (winners[0] as PromiseFulfilledResult<WriterLock>).value.release();
      assert.deepEqual(lockFiles(), []);
    }
  });

  it('claims over a taker that died in the middle of a takeover, and cleans up after it', async () => {
    writeOwner(path.join(dir, LOCK_FILE_NAME), deadPid(), 'aaaaaaaa');
    writeOwner(path.join(dir, `${LOCK_FILE_NAME}.claim-aaaaaaaa`), deadPid(), 'bbbbbbbb');
    const lock = await WriterLock.acquire(dir);
    assert.deepEqual(lockFiles(), [LOCK_FILE_NAME]);
    await lock.release();
  });

  it('treats a takeover in progress by a live process as a held lock', async () => {
    writeOwner(path.join(dir, LOCK_FILE_NAME), deadPid(), 'aaaaaaaa');
    writeOwner(path.join(dir, `${LOCK_FILE_NAME}.claim-aaaaaaaa`), process.pid, 'cccccccc');
    await assert.rejects(WriterLock.acquire(dir), (error: unknown) => {
      return error instanceof StoreLockedError && error.owner?.nonce === 'cccccccc';
    });
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs)', async () => {
    const reused = { pid: process.pid, hostname: hostname(), since: new Date(0).toISOString(), command: 'gone', nonce: 'dddddddd', started: '1' };
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(reused));
    const lock = await WriterLock.acquire(dir);
    assert.notEqual(lock.owner.nonce, 'dddddddd');
    assert.match(lock.owner.started ?? '', /^\d+$/, 'the lock records its own start time');
    await lock.release();
  });

  it('never takes over an unreadable lock file', async () => {
    writeFileSync(path.join(dir, LOCK_FILE_NAME), 'not json');
    await assert.rejects(WriterLock.acquire(dir), /lock file cannot be read/);
  });
});

describe('writer lock across processes', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a second writer process a StoreLockedError that names the holder', async () => {
    const store = await WriterLock.acquire(dir, { command: 'arenalab ingest' });
    const child = new ChildScript('lockHolder', [dir, 'fail']);
    const line = await child.waitForLine('ERROR', 'LOCKED');
    assert.match(line, new RegExp(`^ERROR locked store .* is locked by process ${process.pid} .*\\(arenalab ingest, since `));
    assert.match(line, /wait for it or retry with --wait$/);
    assert.equal((await child.exited).code, 2);
    await store.release();
  });

  it('lets a waiting writer in only after the first one closes', async () => {
    const store = await WriterLock.acquire(dir);
    const child = new ChildScript('lockHolder', [dir, 'wait', '20000']);
    await child.waitForLine('TRYING');
    await sleep(300);
    assert.ok(!child.lines.some((line) => line.startsWith('LOCKED')), 'the waiter must not get in while the lock is held');
    await store.release();
    await child.waitForLine('LOCKED');
    await assert.rejects(WriterLock.acquire(dir), StoreLockedError);
    child.send('release\n');
    await child.waitForLine('RELEASED');
    assert.equal((await child.exited).code, 0);
    await (await WriterLock.acquire(dir)).release();
  });

  it('gives up waiting after waitTimeoutMs with a StoreLockedError', async () => {
    const store = await WriterLock.acquire(dir);
    await assert.rejects(
      WriterLock.acquire(dir, { lock: 'wait', waitTimeoutMs: 50, pollIntervalMs: 10 }),
      (error: unknown) => error instanceof StoreLockedError && /gave up after waiting/.test(error.message),
    );
    await store.release();
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const deadPid = await leaveStaleLock(dir);
    const lock = await WriterLock.acquire(dir);
    assert.notEqual(lock.owner.pid, deadPid);
    assert.equal(JSON.parse(readFileSync(lock.lockPath, 'utf8')).nonce, lock.owner.nonce);
    await lock.release();
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith(LOCK_FILE_NAME)), [], 'no lock, draft or claim is left');
  });

  it('lets exactly one of several racing processes take over a stale lock', async () => {
    for (let round = 0; round < 3; round += 1) {
      await leaveStaleLock(dir);
      const racers = Array.from({ length: 4 }, () => new ChildScript('lockHolder', [dir, 'fail']));
      const outcomes = await Promise.all(racers.map((racer) => racer.waitForLine('LOCKED', 'ERROR')));
      const winners = racers.filter((_, i) => outcomes[i].startsWith('LOCKED'));
      assert.equal(winners.length, 1, outcomes.join('\n'));
      for (const outcome of outcomes.filter((line) => line.startsWith('ERROR'))) assert.match(outcome, /^ERROR locked /);
      winners[0].send('release\n');
      await Promise.all(racers.map((racer) => racer.exited));
    }
  });
});
