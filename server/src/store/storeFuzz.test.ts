import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { sampleSpan } from './sampleSpan';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { StoreError } from './storeError';
import { verifyStore } from './verifyStore';

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const garbage = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 40 }),
  fc.constantFrom(Buffer.from('\n'), Buffer.from('{}\n'), Buffer.from('"crc":"00000000"}'), Buffer.alloc(32)),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('insert' as const), at, bytes: garbage }),
  fc.record({ kind: fc.constant('overwrite' as const), at, bytes: garbage }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 300 }) }),
);

function apply(bytes: Buffer, change: Mutation): Buffer {
  const position = Math.floor(change.at * bytes.length);
  switch (change.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[position] ^= 1 << change.bit;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, position);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, position), change.bytes, bytes.subarray(position)]);
    case 'overwrite':
      return Buffer.concat([bytes.subarray(0, position), change.bytes, bytes.subarray(position + change.bytes.length)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, position), bytes.subarray(position + change.length)]);
  }
}

/** Runs `action`; an error must be a typed StoreError. Returns the value, or undefined when it failed. */
async function typedOnly<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    assert.ok(error instanceof StoreError, `untyped error: ${(error as Error)?.stack ?? String(error)}`);
    return undefined;
  }
}

async function readAll(store: SpanStore): Promise<number> {
  let count = 0;
  for await (const _span of store.spans()) count += 1;
  return count;
}

describe('SpanStore fuzz (fast-check)', function () {
  this.timeout(120_000);
  let dir: string;
  let valid: Buffer;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-fuzz-'));
    const store = await SpanStore.open(dir, { mode: 'write' });
    for (let batch = 0; batch < 4; batch += 1) {
      await store.append(Array.from({ length: 3 }, (_, i) => sampleSpan(`f-${batch}-${i}`)));
    }
    await store.close();
    valid = readFileSync(path.join(dir, LOG_FILE_NAME));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws anything but a StoreError, and a successful write-mode open leaves a log that verifies', async () => {
    const damagedLog = fc.oneof(
      { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((changes) => changes.reduce(apply, valid)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)) },
    );
    await fc.assert(
      fc.asyncProperty(damagedLog, async (bytes) => {
        writeFileSync(path.join(dir, LOG_FILE_NAME), bytes);
        const report = await typedOnly(() => verifyStore(dir));
        const reader = await typedOnly(() => SpanStore.open(dir, { mode: 'read' }));
        if (reader) {
          assert.equal(await typedOnly(() => readAll(reader)), reader.count);
          await reader.close();
        }
        const writer = await typedOnly(() => SpanStore.open(dir, { mode: 'write' }));
        if (!writer) return;
        const count = writer.count;
        await writer.close();
        const after = await verifyStore(dir);
        assert.equal(after.ok, true, after.message);
        assert.equal(after.records, count);
        if (report?.ok) assert.equal(writer.recovery, null);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
