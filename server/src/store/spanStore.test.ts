import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError } from '@arenalab/core';
import { sampleSpan } from './sampleSpan';
import { spanDigest } from './spanDigest';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { StoreError } from './storeError';
import { verifyStore } from './verifyStore';
import { LOCK_FILE_NAME } from './writerLock';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('SpanStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends, reopens with the same spans, and skips duplicates by id and by content', async () => {
    const store = await SpanStore.open(dir, { mode: 'write' });
    const first = await store.append(ids('a', 5).map(sampleSpan));
    assert.deepEqual(first, { appended: 5, duplicates: 0, ids: ids('a', 5) });
    const sameContentNewId = { ...sampleSpan('a-1'), id: 'other-id' };
    const second = await store.append([sampleSpan('a-0'), sameContentNewId, sampleSpan('b'), sampleSpan('b')]);
    assert.deepEqual(second, { appended: 1, duplicates: 3, ids: ['b'] });
    assert.equal(store.count, 6);
    assert.ok(store.has('b') && store.has(spanDigest(sampleSpan('a-3'))) && !store.has('other-id'));
    await store.close();

    const reopened = await SpanStore.open(dir, { mode: 'write' });
    assert.equal(reopened.count, 6);
    assert.equal(reopened.recovery, null);
    assert.deepEqual((await reopened.append(ids('a', 5).map(sampleSpan))).appended, 0);
    assert.deepEqual(await reopened.get('a-2'), sampleSpan('a-2'));
    assert.equal(await reopened.get('missing'), undefined);
    const streamed: string[] = [];
    for await (const span of reopened.spans()) streamed.push(span.id);
    assert.deepEqual(streamed, [...ids('a', 5), 'b']);
    await reopened.close();
    assert.equal((await verifyStore(dir)).records, 6);
  });

  it('never interleaves concurrent appends from one process', async () => {
    const store = await SpanStore.open(dir, { mode: 'write' });
    const batches = Array.from({ length: 20 }, (_, b) => ids(`c${b}`, 1 + (b % 7)).map(sampleSpan));
    const results = await Promise.all(batches.map((batch) => store.append(batch)));
    await store.close();
    const lines = readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8').trimEnd().split('\n');
    const order = lines.map((line) => (JSON.parse(line) as { span: { id: string } }).span.id);
    // Each batch lands as one contiguous run, in call order.
    assert.deepEqual(order, results.flatMap((result) => result.ids));
    assert.deepEqual(order, batches.flat().map((span) => span.id));
    assert.equal((await verifyStore(dir)).ok, true);
  });

  it('keeps a reader on the snapshot it opened and refuses writes in read mode', async () => {
    const writer = await SpanStore.open(dir, { mode: 'write' });
    await writer.append(ids('r', 3).map(sampleSpan));
    const reader = await SpanStore.open(dir, { mode: 'read' });
    await writer.append([sampleSpan('later')]);
    assert.equal(reader.count, 3);
    const seen: string[] = [];
    for await (const span of reader.spans()) seen.push(span.id);
    assert.deepEqual(seen, ids('r', 3));
    await assert.rejects(reader.append([sampleSpan('x')]), (error: StoreError) => error.code === 'read_only');
    await reader.close();
    await writer.close();
  });

  it('lets two writers on one store append in turn, each chaining onto what the other wrote, without duplicates', async () => {
    const first = await SpanStore.open(dir, { mode: 'write' });
    const second = await SpanStore.open(dir, { mode: 'write' });
    await first.append(ids('w1', 3).map(sampleSpan));
    const fromSecond = await second.append([...ids('w1', 2), ...ids('w2', 2)].map(sampleSpan));
    assert.deepEqual(fromSecond, { appended: 2, duplicates: 2, ids: ids('w2', 2) }, 'the second saw the first one\'s spans');
    await Promise.all([first.append([sampleSpan('x1')]), second.append([sampleSpan('x2')])]);
    assert.equal((await first.append(ids('w2', 2).map(sampleSpan))).appended, 0);
    assert.equal((await second.append([sampleSpan('x1'), sampleSpan('x2')])).appended, 0);
    assert.deepEqual([first.count, second.count], [7, 7]);
    assert.equal(first.headHash, (await verifyStore(dir)).headHash);
    await Promise.all([first.close(), second.close()]);
    const report = await verifyStore(dir);
    assert.deepEqual([report.ok, report.records], [true, 7], report.message);
    assert.ok(!existsSync(path.join(dir, LOCK_FILE_NAME)), 'the append lock is let go after each append');
  });

  it('honours cancellation before a batch is written and refuses work after close', async () => {
    const store = await SpanStore.open(dir, { mode: 'write' });
    await assert.rejects(store.append([sampleSpan('x')], { isCancelled: true }), CancelledError);
    assert.equal(store.count, 0);
    await store.append([sampleSpan('y')]);
    await store.close();
    await assert.rejects(store.append([sampleSpan('z')]), (error: StoreError) => error.code === 'closed');
    await assert.rejects(store.get('y'), (error: StoreError) => error.code === 'closed');
    const reopened = await SpanStore.open(dir, { mode: 'read' });
    assert.equal(reopened.count, 1);
    await reopened.close();
  });

  it('reports a missing store in read mode as a typed error', async () => {
    await assert.rejects(SpanStore.open(path.join(dir, 'nowhere'), { mode: 'read' }), (error: StoreError) => {
      return error instanceof StoreError && error.code === 'missing';
    });
    await assert.rejects(verifyStore(path.join(dir, 'nowhere')), (error: StoreError) => error.code === 'missing');
  });
});
