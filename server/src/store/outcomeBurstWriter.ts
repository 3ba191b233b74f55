import { seededRandom, SPAN_SCHEMA_VERSION, type Span } from '@arenalab/core';
import { SpanStore } from './spanStore';

/**
 * Test helper for the several-writers test, run as a child process: `node outcomeBurstWriter.js DIR NAME SEED FROM TO`.
 * Appends bursts FROM..TO-1 of outcome spans (accepted, dismissed, retention checks, task runs) through its own
 * SpanStore and prints `ACK <burst> id,id,…` only after a burst's append resolved, so every id the parent sees
 * acknowledged must be in the store, once. A burst's spans depend only on NAME, SEED and its number, so a restarted
 * writer can send again the burst it was killed in, as a client retrying would.
 */
async function main(): Promise<void> {
  const [dir, name, seedText, fromText, toText] = process.argv.slice(2);
  const store = await SpanStore.open(dir, { mode: 'write', waitTimeoutMs: 60_000, command: `outcomeBurstWriter ${name}` });
  process.stdout.write(`OPEN ${store.count}\n`);
  for (let burst = Number(fromText); burst < Number(toText); burst += 1) {
    const spans = outcomeBurst(name, Number(seedText), burst);
    await store.append(spans);
    process.stdout.write(`ACK ${burst} ${spans.map((span) => span.id).join(',')}\n`);
  }
  await store.close();
  process.stdout.write('DONE\n');
}

const OUTCOMES = [
  { did: 'suggest_completion', status: 'completed', outcome: 'accepted' },
  { did: 'suggest_completion', status: 'failed', outcome: 'dismissed' },
  { did: 'check_retention', status: 'completed', outcome: 'retained' },
  { did: 'run_task', status: 'completed', outcome: 'exit 0' },
] as const;

/** One burst: 1 to 8 outcome spans, as a language server records them after a flurry of feedback. */
export function outcomeBurst(name: string, seed: number, burst: number): Span[] {
  const random = seededRandom(seed * 7919 + burst * 31 + name.length);
  const size = 1 + Math.floor(random.next() * 8);
  return Array.from({ length: size }, (_, i) => {
    const kind = OUTCOMES[Math.floor(random.next() * OUTCOMES.length)];
    return {
      schema_version: SPAN_SCHEMA_VERSION,
      id: `${name}-${burst}-${i}`,
      source: 'editor',
      who: 'arenalab',
      did: kind.did,
      this: `${name}.ts:${burst + 1}`,
      when: new Date(Date.UTC(2024, 5, 1) + burst * 1000 + i).toISOString(),
      status: kind.status,
      context: { environment: 'programming/typescript', previous_spans: [], stakes: 'low' },
      metadata: { outcome: kind.outcome, writer: name },
    } as Span;
  });
}

if (require.main === module) void main();
