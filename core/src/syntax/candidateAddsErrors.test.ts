import { strict as assert } from 'node:assert';
import { candidateAddsErrors, candidateAddsErrorsInTree, candidatesAddErrors } from './candidateAddsErrors';
import type { SyntaxService } from './syntaxService';
import { readSyntaxFixture, splitAtCursor, testSyntaxService } from './syntaxTestSupport';

describe('syntax: candidateAddsErrors', () => {
  let service: SyntaxService;
  before(async () => {
    service = await testSyntaxService();
  });

  const cases: { languageId: string; good: string; bad: string }[] = [
    { languageId: 'typescript', good: 'const count = parts.length;', bad: 'const count = (parts.length;' },
    { languageId: 'typescriptreact', good: 'const first = visible[0];', bad: 'const first = <li>{visible[0]</li>;' },
    { languageId: 'javascript', good: 'const tripled = doubled * 3;', bad: 'const tripled = doubled * ;' },
    { languageId: 'python', good: 'total = sum(counts.values())', bad: 'total = sum(counts.values()' },
    { languageId: 'go', good: 'path = "/"', bad: 'path = strings.Join([]string{"/"}' },
    { languageId: 'rust', good: 'cache.insert(upper.clone(), 1);', bad: 'cache.insert(upper.clone(), 1;' },
    { languageId: 'java', good: 'counts.put(name, current + weight);', bad: 'counts.put(name, current + weight;' },
  ];

  for (const { languageId, good, bad } of cases) {
    it(`${languageId}: accepts a well-formed line and rejects an unbalanced one`, async () => {
      const { prefix, suffix } = splitAtCursor(readSyntaxFixture(languageId, 'cursor'));
      const accepted = await candidateAddsErrors(service, languageId, prefix, good, suffix);
      const rejected = await candidateAddsErrors(service, languageId, prefix, bad, suffix);
      assert.deepEqual(accepted, { ok: true, checked: true, errorsBefore: 0, errorsAfter: 0 });
      assert.equal(rejected.ok, false);
      assert.ok(rejected.errorsAfter > rejected.errorsBefore);
    });
  }

  it('accepts a candidate that closes what the suffix leaves open, and compares against errors already there', async () => {
    const result = await candidateAddsErrors(service, 'typescript', 'function f(a: number) {\n  return a', ' + 1;\n', '\n');
    assert.equal(result.ok, true);
    assert.ok(result.errorsBefore > 0, 'the missing } is an error before and after');
    assert.equal(result.errorsAfter, result.errorsBefore);
  });

  it('parses only the window: an error far outside it does not count, one inside it does', async () => {
    const filler = Array.from({ length: 500 }, (_, i) => `const v${i} = ${i};`).join('\n');
    const farError = `const broken = (;\n${filler}\n`;
    const outside = await candidateAddsErrors(service, 'typescript', farError, 'const x = 1;', `\n${filler}\n`);
    const inside = await candidateAddsErrors(service, 'typescript', farError, 'const x = 1;', '\n', { prefixLines: 600 });
    assert.equal(outside.errorsBefore, 0);
    assert.ok(inside.errorsBefore > 0);
    assert.equal(outside.ok && inside.ok, true);
  });

  it('checks several candidates at once with the same verdicts as one at a time', async () => {
    const { prefix, suffix } = splitAtCursor(readSyntaxFixture('rust', 'cursor'));
    const candidates = ['cache.insert(upper.clone(), 1);', 'cache.insert(upper.clone(), 1;', 'let n = upper.len();', '}'];
    const together = await candidatesAddErrors(service, 'rust', prefix, candidates, suffix);
    const alone = await Promise.all(candidates.map((candidate) => candidateAddsErrors(service, 'rust', prefix, candidate, suffix)));
    assert.deepEqual(together, alone);
    assert.deepEqual(together.map(({ ok }) => ok), [true, false, true, false]);
  });

  it('checks against a whole-document tree the caller holds, without changing it', async () => {
    const { text, prefix } = splitAtCursor(readSyntaxFixture('python', 'cursor'));
    const tree = await service.parse('python', text);
    try {
      const before = tree.rootNode.toString();
      const good = await candidateAddsErrorsInTree(service, 'python', tree, text, prefix.length, 'total = sum(counts.values())');
      const bad = await candidateAddsErrorsInTree(service, 'python', tree, text, prefix.length, 'total = sum(counts.values()');
      assert.deepEqual(good, { ok: true, checked: true, errorsBefore: 0, errorsAfter: 0 });
      assert.equal(bad.ok, false);
      assert.equal(tree.rootNode.toString(), before);
    } finally {
      tree.delete();
    }
  });

  it('accepts a closer whose opener is above the window (the headers of open blocks come along)', async () => {
    const body = Array.from({ length: 80 }, (_, i) => `    const v${i} = ${i};`).join('\n');
    const prefix = `export class Big {\n  run(): void {\n${body}\n  `;
    const result = await candidateAddsErrors(service, 'typescript', prefix, '}', '\n}\n', { prefixLines: 20 });
    assert.equal(result.ok, true, JSON.stringify(result));
    const python = await candidateAddsErrors(service, 'python', `def f(x):\n    if x:\n${'        y = 1\n'.repeat(80)}    `, 'else:', '\n        y = 2\n', { prefixLines: 20 });
    assert.equal(python.ok, true, JSON.stringify(python));
  });

  it('passes a language without a grammar through, unchecked', async () => {
    assert.deepEqual(await candidateAddsErrors(service, 'cobol', 'a', '((((', 'b'), { ok: true, checked: false, errorsBefore: 0, errorsAfter: 0 });
  });
});
