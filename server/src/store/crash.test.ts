import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '@arenalab/core';
import { ChildScript } from './childScript';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { verifyStore } from './verifyStore';

const ROUNDS = 60;
const BATCHES_PER_ROUND = 25;
const MAX_KILL_DELAY_MS = 350;
const SEED = 20240501;
/** Every this many rounds, a power cut is simulated on top of the kill: a prefix of a record with no newline. */
const TORN_WRITE_EVERY = 6;

/**
 * THE crash test. A child process appends batches and prints each batch's ids only after its append resolved; the
 * parent kills it with SIGKILL at a random moment (seeded), anywhere from before the store opens to after it is
 * done. After every kill the store must reopen for writing, hold every acknowledged id exactly once, and verify.
 * SIGKILL does not interrupt a write system call, so torn writes (which a power cut can cause) are added by hand in
 * some rounds, to check that recovery interleaves correctly with crashes.
 */
describe('SpanStore under SIGKILL', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged span exactly once across ${ROUNDS} kills`, async () => {
    const random = seededRandom(SEED);
    const acknowledged = new Set<string>();
    const stats = { killedMidRun: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const child = new ChildScript('crashWriter', [dir, String(SEED), String(round), String(BATCHES_PER_ROUND)]);
      // Squaring favours short delays, so kills during start-up and open are as common as kills mid-append. Odd
      // rounds count the delay from the moment the store is open, so they kill mid-append however slowly a loaded
      // machine starts processes.
      const delay = Math.floor(random.next() ** 2 * MAX_KILL_DELAY_MS);
      if (round % 2 === 1) await untilOpen(child);
      await Promise.race([sleep(delay), child.exited]);
      if (!child.lines.includes('DONE')) stats.killedMidRun += 1;
      await child.kill('SIGKILL');
      for (const line of child.lines) {
        if (line.startsWith('ACK ')) for (const id of line.slice(4).split(',')) acknowledged.add(id);
      }
      const torn = round % TORN_WRITE_EVERY === TORN_WRITE_EVERY - 1;
      if (torn) appendFileSync(path.join(dir, LOG_FILE_NAME), `{"seq":999999,"prev":"${'ab'.repeat(1 + Math.floor(random.next() * 60))}`);
      const recovered = await checkStore(dir, acknowledged, round);
      if (torn) assert.ok(recovered, `round ${round}: the torn write was not cut`);
    }
    assert.ok(acknowledged.size > 0, 'no batch was ever acknowledged, so the test proved nothing');
    assert.ok(stats.killedMidRun > 0, 'the writer was never killed while running');
  });
});

/** Waits until the writer reports its store open (or exits). */
async function untilOpen(child: ChildScript): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (!exited && !child.lines.some((line) => line.startsWith('OPEN'))) await sleep(2);
}

/** Reopens for writing (which cuts any torn tail), checks exactly-once and the chain. Returns whether it cut. */
async function checkStore(dir: string, acknowledged: Set<string>, round: number): Promise<boolean> {
  const store = await SpanStore.open(dir, { mode: 'write' });
  const seen = new Set<string>();
  for await (const span of store.spans()) {
    assert.ok(!seen.has(span.id), `round ${round}: span ${span.id} is stored twice`);
    seen.add(span.id);
  }
  assert.equal(seen.size, store.count);
  for (const id of acknowledged) assert.ok(seen.has(id), `round ${round}: acknowledged span ${id} was lost`);
  const recovered = store.recovery !== null;
  await store.close();
  const report = await verifyStore(dir);
  assert.equal(report.ok, true, `round ${round}: ${report.message}`);
  assert.equal(report.records, seen.size);
  return recovered;
}
