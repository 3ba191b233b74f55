import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixedClock, silentPhasedProgress } from '@arenalab/core';
import { benchQa } from './benchQa';
import { readMmlu, QaBenchmarkInputError } from './readQaBenchmarks';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures/qa');
const mmlu = path.join(FIXTURES, 'mmlu');
const truthfulqa = path.join(FIXTURES, 'truthfulqa.csv');
const clock = fixedClock(Date.UTC(2026, 0, 1));
const options = { threshold: 0.5, seed: 1, memoryShare: 0.5 };
const token = { isCancelled: false };

describe('bench qa: files and the whole run on the fixture benchmarks', () => {
  it('builds MMLU memory from dev/ and val/ only and scores test/, reporting bad rows', () => {
    const data = readMmlu(mmlu);
    assert.equal(data.memory.length, 11);
    assert.ok(data.memory.every((item) => /\/(dev|val)\//.test(item.id)));
    assert.equal(data.test.length, 7);
    assert.ok(data.test.every((item) => item.id.includes('/test/')));
    assert.deepEqual(data.subjects, ['astronomy', 'computer_security']);
    assert.equal(data.problems.length, 2);
    assert.match(data.problems[0], /computer_security_test\.csv:4: -: expected 6 fields/);
  });

  it('gives clear errors for a folder without the layout, a missing file, and no benchmark at all', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-qa-'));
    try {
      fs.mkdirSync(path.join(tmp, 'dev'));
      fs.writeFileSync(path.join(tmp, 'dev', 'x_dev.csv'), 'q,a,b,c,d,A\n');
      assert.throws(() => readMmlu(tmp), /no test questions in .*test \(expected the standard MMLU layout/);
      assert.throws(() => readMmlu(path.join(tmp, 'nope')), QaBenchmarkInputError);
      const progress = silentPhasedProgress;
      await assert.rejects(benchQa({ ...options, truthfulqa: path.join(tmp, 'none.csv') }, token, progress, clock), /--truthfulqa .*none\.csv: no such file/);
      await assert.rejects(benchQa(options, token, progress, clock), /give --mmlu DIR and\/or --truthfulqa FILE/);
      fs.writeFileSync(path.join(tmp, 'other.csv'), 'Question,Answer\nWhy?,Because\n');
      await assert.rejects(benchQa({ ...options, truthfulqa: path.join(tmp, 'other.csv') }, token, progress, clock), /no usable question: .*missing columns/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('runs both benchmarks, with tier and baselines only when both ran', async () => {
    const progress = silentPhasedProgress;
    const both = await benchQa({ ...options, mmlu, truthfulqa }, token, progress, clock);
    assert.equal(both.mmlu?.test, 7);
    assert.equal(both.mmlu?.memory, 11);
    assert.equal(both.truthfulqa?.test, 5);
    assert.equal(both.truthfulqa?.memory, 6);
    assert.equal(both.mmlu?.chance, 0.25);
    for (const r of [both.mmlu!, both.truthfulqa!]) {
      assert.ok(r.accuracy >= 0 && r.accuracy <= 1 && r.ece >= 0 && r.ece <= 1 && r.coverage >= 0 && r.coverage <= 1);
      assert.ok(r.accuracy_ci95[0] <= r.accuracy && r.accuracy <= r.accuracy_ci95[1]);
    }
    assert.notEqual(both.tier, null);
    assert.equal(both.baselines.length, 4);
    assert.equal(both.problems.length, 4);
    const onlyMmlu = await benchQa({ ...options, mmlu }, token, progress, clock);
    assert.equal(onlyMmlu.tier, null);
    assert.deepEqual(onlyMmlu.baselines, []);
    assert.deepEqual(onlyMmlu.mmlu, both.mmlu, 'the same inputs and seed give the same numbers');
  });
});
