import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isEligibleTargetLine, sampleNextLineCases } from './nextLineCases';
import type { BenchSourceFile } from './nextLineCases';

const file = (path: string, lines: string[]): BenchSourceFile => ({ path, language: 'typescript', text: lines.join('\n') + '\n' });

const repo = [
  file('src/a.ts', Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? '}' : `  const value${i} = compute(${i});`))),
  file('src/b.ts', ['import { x } from "y";', '', 'export function run() {', '  return x + 1;', '}']),
];

describe('sampleNextLineCases', () => {
  it('cuts the file at the start of the target line: prefix + line + suffix is the file, target is the trimmed line', () => {
    const cases = sampleNextLineCases(repo, { perFile: 10, seed: 1 });
    assert.ok(cases.length > 0);
    for (const c of cases) {
      const text = repo.find((f) => f.path === c.file)!.text;
      const lines = text.split('\n');
      assert.ok(c.prefix === '' || c.prefix.endsWith('\n'));
      assert.equal(c.prefix, lines.slice(0, c.line).map((l) => l + '\n').join(''));
      assert.equal(c.prefix + lines[c.line] + '\n' + c.suffix, text);
      assert.equal(c.target, lines[c.line].trim());
    }
  });

  it('samples only eligible lines, at most perFile per file, in line order, without repeats', () => {
    const cases = sampleNextLineCases(repo, { perFile: 10, seed: 7 });
    const a = cases.filter((c) => c.file === 'src/a.ts');
    const b = cases.filter((c) => c.file === 'src/b.ts');
    assert.equal(a.length, 10);
    assert.deepEqual(b.map((c) => c.line), [0, 2, 3]);
    assert.deepEqual(a.map((c) => c.line), [...new Set(a.map((c) => c.line))].sort((x, y) => x - y));
    assert.ok(cases.every((c) => isEligibleTargetLine(c.target)));
  });

  it('knows which lines are worth predicting', () => {
    assert.equal(isEligibleTargetLine('  return x;'), true);
    assert.equal(isEligibleTargetLine('});'), false);
    assert.equal(isEligibleTargetLine('x = 1'), false);
    assert.equal(isEligibleTargetLine('12345678;'), false);
    assert.equal(isEligibleTargetLine('  a  b  c  d  e  f'), true);
  });

  it('is deterministic: same seed, same cases; another seed, other lines; a file keeps its cases when others are dropped', () => {
    const once = sampleNextLineCases(repo, { perFile: 3, seed: 5 });
    assert.deepEqual(sampleNextLineCases(repo, { perFile: 3, seed: 5 }), once);
    assert.notDeepEqual(sampleNextLineCases(repo, { perFile: 3, seed: 6 }).map((c) => c.line), once.map((c) => c.line));
    assert.deepEqual(sampleNextLineCases([repo[0]], { perFile: 3, seed: 5 }), once.filter((c) => c.file === 'src/a.ts'));
  });

  it('handles any text: CRLF, no final newline, empty files (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('', 'abc', '  value = other()', '\tlet x = y;\r', '}'), { maxLength: 30 }), fc.nat(), (lines, seed) => {
      const f = { path: 'p.ts', language: 'typescript', text: lines.join('\n') };
      for (const c of sampleNextLineCases([f], { perFile: 4, seed })) {
        const line = f.text.split('\n')[c.line];
        const joined = c.prefix + line + (c.line + 1 < lines.length ? '\n' : '') + c.suffix;
        assert.equal(joined, f.text);
        assert.equal(c.target, line.trim());
      }
    }));
  });

  it('rejects a negative perFile', () => {
    assert.throws(() => sampleNextLineCases(repo, { perFile: -1, seed: 1 }), TypeError);
  });
});
