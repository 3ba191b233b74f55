import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { encodeRecord } from './logRecord';
import { sampleSpan } from './sampleSpan';
import { canonicalSpanContent, spanDigest } from './spanDigest';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { StoreCorruptError } from './storeError';
import { verifyStore } from './verifyStore';

const IDS = ['t-0', 't-1', 't-2', 't-3', 't-4'];

describe('SpanStore recovery', () => {
  let dir: string;
  let logPath: string;
  let cleanSize: number;
  let headHash: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-recovery-'));
    logPath = path.join(dir, LOG_FILE_NAME);
    const store = await SpanStore.open(dir, { mode: 'write' });
    await store.append(IDS.map(sampleSpan));
    headHash = store.headHash;
    await store.close();
    cleanSize = statSync(logPath).size;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The exact line the store would write next, as a crash might leave a prefix of it. */
  function nextLine(id: string): Buffer {
    const span = sampleSpan(id);
    return encodeRecord(IDS.length, headHash, id, canonicalSpanContent(span), spanDigest(span)).line;
  }

  async function expectIntactAfterWriteOpen(): Promise<void> {
    const store = await SpanStore.open(dir, { mode: 'write' });
    assert.equal(store.count, IDS.length);
    for (const id of IDS) assert.deepEqual(await store.get(id), sampleSpan(id));
    assert.equal((await store.append([sampleSpan('after')])).appended, 1);
    await store.close();
    const report = await verifyStore(dir);
    assert.equal(report.ok, true, report.message);
    assert.equal(report.records, IDS.length + 1);
  }

  it('cuts half a record left by a crash mid-write, reports it, and keeps every earlier record', async () => {
    const half = nextLine('torn').subarray(0, 300);
    appendFileSync(logPath, half);

    const reader = await SpanStore.open(dir, { mode: 'read' });
    assert.deepEqual([reader.count, reader.ignoredTailBytes, reader.recovery], [IDS.length, 300, null]);
    await reader.close();
    assert.equal(statSync(logPath).size, cleanSize + 300, 'read mode never cuts');

    const writer = await SpanStore.open(dir, { mode: 'write' });
    assert.equal(writer.recovery?.reason, 'torn_tail');
    assert.deepEqual([writer.recovery?.truncatedBytes, writer.recovery?.droppedRecords], [300, 1]);
    assert.equal(statSync(logPath).size, cleanSize);
    assert.equal(writer.has('torn'), false);
    await writer.close();
    await expectIntactAfterWriteOpen();
  });

  it('cuts a whole record that lost only its newline: it was never acknowledged', async () => {
    const line = nextLine('no-newline');
    appendFileSync(logPath, line.subarray(0, line.length - 1));
    const writer = await SpanStore.open(dir, { mode: 'write' });
    assert.deepEqual([writer.recovery?.reason, writer.recovery?.truncatedBytes], ['torn_tail', line.length - 1]);
    await writer.close();
    await expectIntactAfterWriteOpen();
  });

  it('cuts a tail of zeroed lines, as a power cut can leave them', async () => {
    const half = nextLine('zeroed').subarray(0, 120);
    appendFileSync(logPath, Buffer.concat([half, Buffer.alloc(64), Buffer.from('\n'), Buffer.alloc(17)]));
    const writer = await SpanStore.open(dir, { mode: 'write' });
    assert.equal(writer.recovery?.reason, 'torn_tail');
    assert.deepEqual([writer.recovery?.droppedRecords, writer.recovery?.truncatedBytes], [2, 120 + 82]);
    await writer.close();
    await expectIntactAfterWriteOpen();
  });

  it('never cuts a complete last record whose checksum fails: it is reported, and the file is left as it was', async () => {
    const bytes = readFileSync(logPath);
    const lastLine = bytes.lastIndexOf(10, bytes.length - 2) + 1;
    bytes[lastLine + 150] ^= 0x02;
    writeFileSync(logPath, bytes);
    for (const mode of ['write', 'read'] as const) {
      await assert.rejects(SpanStore.open(dir, { mode }), (error: unknown) => {
        assert.ok(error instanceof StoreCorruptError);
        assert.deepEqual([error.broken.position, error.broken.reason, error.damaged.count], [IDS.length - 1, 'checksum', 1]);
        assert.match(error.message, /1 complete record is damaged \(at record 4\).*Nothing was cut.*verify --repair/);
        return true;
      });
    }
    assert.deepEqual(readFileSync(logPath), bytes);
    const report = await verifyStore(dir);
    assert.deepEqual([report.ok, report.repairableTail, report.damaged?.count], [false, false, 1]);
  });

  it('refuses to cut a damaged record that valid records follow, and leaves the file untouched', async () => {
    const bytes = readFileSync(logPath);
    const secondLine = bytes.indexOf(10) + 1;
    bytes[secondLine + 200] ^= 0x20;
    writeFileSync(logPath, bytes);
    for (const mode of ['write', 'read'] as const) {
      await assert.rejects(SpanStore.open(dir, { mode }), (error: unknown) => {
        assert.ok(error instanceof StoreCorruptError);
        assert.deepEqual([error.broken.position, error.broken.byteOffset, error.broken.reason], [1, secondLine, 'checksum']);
        assert.match(error.message, /record 1 \(line 2, byte \d+\)/);
        return true;
      });
    }
    assert.deepEqual(readFileSync(logPath), bytes);
    // The failed write-mode open left no lock behind: the error stays "corrupt", never "locked".
    await assert.rejects(SpanStore.open(dir, { mode: 'write' }), StoreCorruptError);
  });
});
