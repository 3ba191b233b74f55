import { strict as assert } from 'node:assert';
import { midLineCase } from './midLineCases';
import { sampleFileCases } from './nextLineCases';
import type { BenchSourceFile } from './nextLineCases';

const FILE: BenchSourceFile = {
  path: 'src/a.ts',
  language: 'typescript',
  text: ['export function run(items: Item[]) {', '  const total = items.reduce((sum, item) => sum + item.price, 0);', '  return format(total);', '}', ''].join('\n'),
};

describe('midLineCase (the cursor at a seeded token boundary in the first 60 % of the line)', () => {
  it('types the line up to a token end, hides the rest of the line, and asks for the rest', () => {
    const lines = FILE.text.split('\n');
    for (const next of sampleFileCases(FILE, { perFile: 10, seed: 1 })) {
      for (let seed = 1; seed < 20; seed++) {
        const c = midLineCase(next, lines[next.line], seed);
        assert.ok(c);
        const line = lines[next.line];
        assert.ok(line.startsWith(c.typed) && c.typed.trim().length > 0);
        assert.equal(c.typed.trimEnd(), c.typed, 'the cursor sits right after a token');
        assert.ok(c.typed.length - (line.length - line.trimStart().length) <= 0.6 * line.trim().length);
        assert.equal(c.target, line.slice(c.typed.length).trim());
        assert.ok(c.target.length > 0);
        assert.equal(c.prefix, next.prefix + c.typed);
        assert.equal(c.suffix, '\n' + next.suffix, "the line's rest is not in the request");
      }
    }
  });

  it('is deterministic per seed and spreads over the boundaries; a one-token line has no case', () => {
    const next = sampleFileCases(FILE, { perFile: 10, seed: 1 }).find((c) => c.line === 1);
    assert.ok(next);
    const line = FILE.text.split('\n')[1];
    const cuts = new Set<string>();
    for (let seed = 1; seed < 40; seed++) {
      assert.deepEqual(midLineCase(next, line, seed), midLineCase(next, line, seed));
      cuts.add(midLineCase(next, line, seed)?.typed ?? '');
    }
    assert.ok(cuts.size >= 4, [...cuts].join(' | '));
    assert.equal(midLineCase({ ...next, target: 'identifier' }, '    identifier', 1), undefined);
  });
});
