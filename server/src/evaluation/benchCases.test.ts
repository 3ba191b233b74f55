import { strict as assert } from 'node:assert';
import { sampleFileCases } from '@arenalab/core';
import type { BenchSourceFile } from '@arenalab/core';
import { restAfterTyped, sampleBenchCases } from './benchCases';

const FILE: BenchSourceFile = {
  path: 'src/a.py',
  language: 'python',
  text: ['def load(path):', '    with open(path) as handle:', '        return json.load(handle)', ''].join('\n'),
};

describe('benchmark cases per mode', () => {
  it('next-line cases are the sampled lines; mid-line ones the same lines with the cursor inside', () => {
    const sampling = { perFile: 5, seed: 2 };
    assert.deepEqual(sampleBenchCases(FILE, sampling, 'next-line'), sampleFileCases(FILE, sampling));
    const mid = sampleBenchCases(FILE, sampling, 'mid-line');
    assert.deepEqual(mid.map((c) => c.line), sampleFileCases(FILE, sampling).map((c) => c.line));
    for (const c of mid) assert.ok(c.typed !== undefined && (c.typed.trim() + ' ' + c.target).replace(/\s+/g, '') === FILE.text.split('\n')[c.line].replace(/\s+/g, ''));
  });

  it('a whole-line baseline answers a mid-line case with the rest after what was typed, or nothing if it disagrees', () => {
    assert.equal(restAfterTyped('  return json.load(handle)', '        return json'), '.load(handle)');
    assert.equal(restAfterTyped('  return handle.read()', '        return json'), '');
    assert.equal(restAfterTyped('  return handle.read()', undefined), '  return handle.read()');
  });
});
