import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { recordHash } from './logRecord';
import { readLogText, tamperLine, writeLogText } from './logSurgery';
import { sampleSpan } from './sampleSpan';
import { spanDigest } from './spanDigest';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { StoreCorruptError, type BrokenReason } from './storeError';
import { verifyStore } from './verifyStore';

const RECORDS = 8;

describe('verifyStore', () => {
  let dir: string;
  let logPath: string;
  let headHash: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-verify-'));
    logPath = path.join(dir, LOG_FILE_NAME);
    const store = await SpanStore.open(dir, { mode: 'write' });
    for (let i = 0; i < RECORDS; i += 2) await store.append([sampleSpan(`v-${i}`), sampleSpan(`v-${i + 1}`)]);
    headHash = store.headHash;
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function expectBroken(position: number, reason: BrokenReason): Promise<void> {
    const report = await verifyStore(dir);
    assert.equal(report.ok, false, report.message);
    assert.equal(report.firstBroken?.position, position, report.message);
    assert.equal(report.firstBroken?.reason, reason, report.message);
    assert.equal(report.firstBroken?.line, position + 1);
    assert.equal(report.records, position);
    const offset = readLogText(logPath).slice(0, position).reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    assert.equal(report.firstBroken?.byteOffset, offset);
    assert.match(report.message, new RegExp(`record ${position} \\(line ${position + 1}`));
  }

  it('passes a clean store and reports its head hash', async () => {
    const report = await verifyStore(dir);
    assert.deepEqual([report.ok, report.records, report.headHash, report.firstBroken], [true, RECORDS, headHash, undefined]);
  });

  it('reports an edited span (checksum recomputed) as a broken hash at its position', async () => {
    tamperLine(logPath, 3, (record) => {
      record.span.this = 'an innocent-looking rewrite';
    });
    await expectBroken(3, 'hash');
  });

  it('reports an edited span id (checksum recomputed) as a broken hash, since the id is chained too', async () => {
    tamperLine(logPath, 5, (record) => {
      record.span.id = 'someone-else';
    });
    await expectBroken(5, 'hash');
  });

  it('reports a record rewritten with fresh hashes as a broken chain at the next record', async () => {
    tamperLine(logPath, 2, (record) => {
      record.span.this = 'rewritten';
      record.spanHash = spanDigest(record.span as never);
      record.hash = recordHash(record.seq, record.prev, record.span.id as string, record.spanHash);
    });
    await expectBroken(3, 'chain');
  });

  it('reports a flipped byte as a checksum failure at its position', async () => {
    const bytes = readFileSync(logPath);
    const lineStarts = [0, ...[...bytes.entries()].filter(([, b]) => b === 10).map(([i]) => i + 1)];
    bytes[lineStarts[4] + 150] ^= 0x04;
    writeFileSync(logPath, bytes);
    await expectBroken(4, 'checksum');
    await assert.rejects(SpanStore.open(dir, { mode: 'write' }), (error: unknown) => {
      return error instanceof StoreCorruptError && error.broken.position === 4 && error.broken.reason === 'checksum';
    });
    assert.deepEqual(readFileSync(logPath), bytes, 'a damaged middle is never cut');
  });

  it('reports a deleted line as a sequence break at its position', async () => {
    const lines = readLogText(logPath);
    lines.splice(6, 1);
    writeLogText(logPath, lines);
    await expectBroken(6, 'sequence');
  });

  it('reports a swapped pair of lines as a sequence break at the first of them', async () => {
    const lines = readLogText(logPath);
    [lines[1], lines[2]] = [lines[2], lines[1]];
    writeLogText(logPath, lines);
    await expectBroken(1, 'sequence');
    await assert.rejects(SpanStore.open(dir, { mode: 'read' }), StoreCorruptError);
  });

  it('reports a duplicated last line as a sequence break, not as a tail to cut', async () => {
    const lines = readLogText(logPath);
    writeLogText(logPath, [...lines, lines[lines.length - 1]]);
    await expectBroken(RECORDS, 'sequence');
    await assert.rejects(SpanStore.open(dir, { mode: 'write' }), StoreCorruptError);
  });
});
