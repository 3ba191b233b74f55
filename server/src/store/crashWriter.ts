import { seededRandom } from '@arenalab/core';
import { sampleSpan } from './sampleSpan';
import { SpanStore } from './spanStore';

/**
 * Test helper for the crash test, run as a child process: `node crashWriter.js DIR SEED ROUND BATCHES`. Appends
 * batches of random size and prints `ACK id,id,…` for a batch only after its append resolved, so every id the
 * parent sees acknowledged must survive a SIGKILL at any moment. The first batch of a round repeats the first spans
 * of the previous round, to exercise idempotent re-ingest after a crash.
 */
async function main(): Promise<void> {
  const [dir, seedText, roundText, batchesText] = process.argv.slice(2);
  const round = Number(roundText);
  const random = seededRandom(Number(seedText) * 100_003 + round);
  const store = await SpanStore.open(dir, { mode: 'write', waitTimeoutMs: 20_000, command: 'crashWriter' });
  process.stdout.write(`OPEN ${store.count}\n`);
  for (let batch = 0; batch < Number(batchesText); batch += 1) {
    const size = 1 + Math.floor(random.next() * 40);
    const ids = Array.from({ length: size }, (_, i) => `r${round}-b${batch}-${i}`);
    if (batch === 0 && round > 0) ids.push(`r${round - 1}-b0-0`, `r${round - 1}-b0-1`);
    await store.append(ids.map(sampleSpan));
    process.stdout.write(`ACK ${ids.join(',')}\n`);
  }
  await store.close();
  process.stdout.write('DONE\n');
}

void main();
