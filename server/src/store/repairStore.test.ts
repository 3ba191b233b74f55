import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixedClock } from '@arenalab/core';
import { readLogText, writeLogText } from './logSurgery';
import { repairStore } from './repairStore';
import { sampleSpan } from './sampleSpan';
import { LOG_FILE_NAME, SpanStore } from './spanStore';
import { verifyStore } from './verifyStore';

describe('repairStore', () => {
  let dir: string;
  let logPath: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'arenalab-repair-'));
    logPath = path.join(dir, LOG_FILE_NAME);
    const store = await SpanStore.open(dir, { mode: 'write' });
    await store.append(Array.from({ length: 6 }, (_, i) => sampleSpan(`p-${i}`)));
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('changes nothing in a valid log', async () => {
    const report = await repairStore(dir, { clock: fixedClock(0) });
    assert.deepEqual([report.repaired, report.kept, report.quarantined], [false, 6, 0]);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('quarantine-')), []);
  });

  it('chains the records after a deleted line again, quarantining nothing, and keeps the records before it byte for byte', async () => {
    const lines = readLogText(logPath);
    writeLogText(logPath, [...lines.slice(0, 2), ...lines.slice(3)]);
    assert.equal((await verifyStore(dir)).firstBroken?.reason, 'sequence');
    const report = await repairStore(dir, { clock: fixedClock(0) });
    assert.deepEqual([report.repaired, report.kept, report.quarantined, report.rechainedFrom, report.quarantineFile], [true, 5, 0, 2, undefined]);
    assert.deepEqual(readLogText(logPath).slice(0, 2), lines.slice(0, 2));
    const verify = await verifyStore(dir);
    assert.deepEqual([verify.ok, verify.records, verify.headHash], [true, 5, report.headHash]);
  });

  it('moves a repeated line into a quarantine file, and a writer that had the old log open appends to the new one', async () => {
    const writer = await SpanStore.open(dir, { mode: 'write' });
    const lines = readLogText(logPath);
    writeLogText(logPath, [...lines.slice(0, 4), lines[1], ...lines.slice(4)]);
    const report = await repairStore(dir, { clock: fixedClock(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    assert.deepEqual([report.kept, report.quarantined], [6, 1]);
    assert.equal(path.basename(report.quarantineFile ?? ''), 'quarantine-2026-01-02T03-04-05-000Z.jsonl');
    assert.equal((await writer.append([sampleSpan('after-repair'), sampleSpan('p-1')])).appended, 1);
    await writer.close();
    const verify = await verifyStore(dir);
    assert.deepEqual([verify.ok, verify.records], [true, 7], verify.message);
  });
});
