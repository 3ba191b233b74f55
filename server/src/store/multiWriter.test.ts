import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '@arenalab/core';
import { ChildScript } from './childScript';
import { SpanStore } from './spanStore';
import { LOCK_FILE_NAME } from './writerLock';

const SEED = 20261207;
const BURSTS = 60;
/** Times the third writer is killed with SIGKILL before it is let finish. */
const KILLS = 8;
const MAX_KILL_DELAY_MS = 400;
const launcher = path.resolve(__dirname, '../../../bin/arenalab.js');

/** Parses `ACK <burst> id,id,…` lines: the bursts acknowledged and their ids. */
function acknowledged(lines: readonly string[]): Map<number, string[]> {
  const acks = new Map<number, string[]>();
  for (const line of lines) {
    const [tag, burst, ids] = line.split(' ');
    if (tag === 'ACK') acks.set(Number(burst), ids.split(','));
  }
  return acks;
}

/**
 * Three real processes append bursts of outcome spans to one store at once, each through its own SpanStore. One
 * of them is killed with SIGKILL at seeded random moments (possibly while it holds the append lock) and restarted
 * from its first unacknowledged burst, which it sends again. Then `arenalab verify` must pass and the store must
 * hold exactly the acknowledged spans, each once.
 */
describe('SpanStore with several writer processes', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-writers-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`records every acknowledged burst exactly once while one of three writers is killed ${KILLS} times`, async () => {
    const random = seededRandom(SEED);
    const survivors = ['left', 'right'].map((name) => new ChildScript('outcomeBurstWriter', [dir, name, String(SEED), '0', String(BURSTS)]));
    const victimAcks = new Map<number, string[]>();
    const stats = { killedAfterAck: 0, staleLocks: 0 };
    for (let kill = 0; kill <= KILLS; kill += 1) {
      const from = firstMissing(victimAcks);
      const victim = new ChildScript('outcomeBurstWriter', [dir, 'victim', String(SEED), String(from), String(BURSTS)]);
      if (kill === KILLS) {
        assert.equal((await victim.exited).code, 0, 'the last run of the victim must finish');
      } else {
        // Every other run is killed as soon as it has acknowledged its first burst, so some kills land mid-run
        // however fast or slow the machine is; the others at a seeded random moment after opening, which may be
        // before any burst, while the lock is held, or after the run finished.
        if (kill % 2 === 0) await victim.waitForLine('ACK', 'DONE');
        else {
          await victim.waitForLine('OPEN', 'DONE');
          await Promise.race([sleep(Math.floor(random.next() * MAX_KILL_DELAY_MS)), victim.exited]);
        }
        await victim.kill('SIGKILL');
        if (!victim.lines.includes('DONE') && acknowledged(victim.lines).size > 0) stats.killedAfterAck += 1;
        if (lockHeldBy(dir, victim.process.pid)) stats.staleLocks += 1;
      }
      for (const [burst, ids] of acknowledged(victim.lines)) victimAcks.set(burst, ids);
    }
    const exits = await Promise.all(survivors.map((writer) => writer.exited));
    assert.deepEqual(exits.map((exit) => exit.code), [0, 0], 'both survivors finished');
    process.stderr.write(`      (victim killed ${KILLS} times, ${stats.killedAfterAck} of them mid-run after an ack, ${stats.staleLocks} holding the lock)\n`);
    assert.ok(stats.killedAfterAck > 0, 'the victim was never killed in the middle of its bursts');

    const expected = new Set<string>();
    for (const writer of survivors) for (const ids of acknowledged(writer.lines).values()) ids.forEach((id) => expected.add(id));
    for (const ids of victimAcks.values()) ids.forEach((id) => expected.add(id));
    assert.equal(acknowledged(survivors[0].lines).size + acknowledged(survivors[1].lines).size + victimAcks.size, 3 * BURSTS);

    const verify = spawnSync(process.execPath, [launcher, 'verify', '--store', dir, '--json'], { encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    const report = JSON.parse(verify.stdout) as { ok: boolean; records: number };
    assert.deepEqual([report.ok, report.records], [true, expected.size]);
    const stored: string[] = [];
    const reader = await SpanStore.open(dir, { mode: 'read' });
    for await (const span of reader.spans()) stored.push(span.id);
    await reader.close();
    assert.equal(new Set(stored).size, stored.length, 'a span is stored twice');
    assert.deepEqual([...stored].sort(), [...expected].sort());
    assert.ok(!existsSync(path.join(dir, LOCK_FILE_NAME)), 'no append lock is left behind');
  });
});

function firstMissing(acks: Map<number, string[]>): number {
  let burst = 0;
  while (acks.has(burst)) burst += 1;
  return burst;
}

function lockHeldBy(dir: string, pid: number | undefined): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number }).pid === pid;
  } catch {
    return false;
  }
}
