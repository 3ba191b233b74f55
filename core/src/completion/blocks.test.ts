import { strict as assert } from 'node:assert';
import { testSyntaxService } from '../syntax/syntaxTestSupport';
import { sampleFileBlockCases, scoreBlock } from './blockCases';
import { blockBodyLines, closingBrackets, isBlockOpener } from './blockStructure';
import { completeWithSyntax } from './completeWithSyntax';
import { CompletionEngine } from './completionEngine';
import { DEFAULT_COMPLETION_ENGINE_CONFIG } from './completionEngineConfig';
import type { CompletionRequest } from './completionTypes';
import { growBlock } from './growBlock';
import type { BlockGrowthContext } from './growBlock';

/** The cursor on an empty line after `before`, `after` below it (the editor right after typing an opener). */
function at(file: string, before: string[], after: string[] = [], language = 'typescript'): CompletionRequest {
  return { file, language, prefix: before.map((l) => l + '\n').join(''), suffix: ['', ...after].join('\n') };
}

const body = (name: string) => [
  `export function ${name}(db: Db, name: string) {`,
  "  const row = db.insert('users', { name });",
  "  logger.info('inserted', row.id);",
  '  return row;',
  '}',
];

describe('completion: block structure', () => {
  it('knows openers by bracket, arrow, Python colon and keyword, and not ordinary lines', () => {
    for (const line of ['if (x) {', 'foo(', 'const f = () =>', 'items.each do |item|', 'def add(a, b)', 'if [ -f a ]; then', '  return {  // why']) {
      assert.ok(isBlockOpener(line, 'ruby'), line);
    }
    assert.ok(isBlockOpener('def add(a, b):', 'python'));
    for (const line of ['x = 1;', 'return row;', '}', '']) assert.ok(!isBlockOpener(line, 'typescript'), line);
  });

  it('ends a body at the dedent or at the bracket that closes its opener, skipping blank lines', () => {
    const lines = ['def f():', '    a = 1', '', '    return a', 'b = 2'];
    assert.deepEqual(blockBodyLines(lines, 1, 0, 10), [1, 3]);
    assert.deepEqual(blockBodyLines(['f(', '  a,', '  b', '  ), c'], 1, 0, 10), [1, 2]);
    assert.deepEqual(blockBodyLines(lines, 1, 0, 1), [1]);
    assert.equal(closingBrackets("run(() => { log('(');"), '})');
  });
});

describe('completion: blocks', () => {
  function engineWith(...files: string[][]): CompletionEngine {
    const engine = new CompletionEngine();
    files.forEach((lines, i) => engine.addFile(`f${i}.ts`, 'typescript', lines.join('\n')));
    return engine;
  }

  it('proposes the body its places agree on after an opener, up to maxLines, and a single line by default', () => {
    const engine = engineWith(body('addUser'), body('addAdmin'));
    const request = at('c.ts', [body('addGuest')[0]], ['}']);
    const block = engine.complete(request, { maxLines: 10 }).candidates[0];
    assert.equal(block.text, body('x').slice(1, 4).join('\n'));
    assert.match(block.method, /-block$/);
    assert.ok(block.confidence >= engine.config.showThreshold);
    assert.equal(engine.complete(request, { maxLines: 2 }).candidates[0].text, body('x').slice(1, 3).join('\n'));
    assert.equal(engine.complete(request).candidates[0].text, body('x')[1]);
  });

  it('proposes no block where the body already has lines after the cursor', () => {
    const engine = engineWith(body('addUser'), body('addAdmin'));
    const request = at('c.ts', [body('addGuest')[0]], ['  return row;', '}']);
    assert.equal(engine.complete(request, { maxLines: 10 }).candidates[0].text, body('x')[1]);
  });

  it('falls back to the single line when the places disagree on the rest and the search is not sure of it', () => {
    const other = [...body('addAdmin').slice(0, 2), '  audit.write(row);', '  notify(row.id);', '}'];
    const third = [...body('addOwner').slice(0, 2), '  cache.put(row);', '  return undefined;', '}'];
    const engine = engineWith(body('addUser'), other, third);
    const first = engine.complete(at('c.ts', [body('addGuest')[0]], ['}']), { maxLines: 10 }).candidates[0];
    assert.equal(first.text, body('x')[1]);
  });

  it('keeps the confidence of everything shown: a block never claims more than its first line', () => {
    const engine = engineWith(body('addUser'), body('addAdmin'));
    const request = at('c.ts', [body('addGuest')[0]], ['}']);
    const line = engine.complete(request).candidates[0];
    const block = engine.complete(request, { maxLines: 10 }).candidates[0];
    assert.ok(block.confidence <= line.confidence);
  });
});

describe('completion: growBlock', () => {
  const config = DEFAULT_COMPLETION_ENGINE_CONFIG;
  const context = (steps: Record<number, { text: string; confidence: number }>, bar = 0.5): BlockGrowthContext => ({
    openerIndent: 0,
    agreed: [],
    nextLine: (lines) => (steps[lines.length] ? { ...steps[lines.length], provenance: [{ file: 'p.ts', line: lines.length, similarity: 1, acceptedBefore: 0 }] } : undefined),
    outOfTime: () => false,
    maxLines: 10,
    bar,
  });

  it('grows line by line from the search, multiplying the confidence, up to the block end', () => {
    const grown = growBlock('  a();', 0.9, context({ 1: { text: '  b();', confidence: 0.8 }, 2: { text: '}', confidence: 0.9 } }), config);
    assert.deepEqual(grown.lines, ['  a();', '  b();']);
    assert.ok(Math.abs(grown.confidence - 0.72) < 1e-9);
    assert.deepEqual(grown.provenance.map((p) => p.line), [1]);
  });

  it('stops growing once the request is out of time', () => {
    const grown = growBlock('  a();', 0.9, { ...context({ 1: { text: '  b();', confidence: 0.9 } }), outOfTime: () => true }, config);
    assert.deepEqual(grown.lines, ['  a();']);
  });

  it('stops before a shown block would fall below the bar, and keeps agreed lines below it when nothing was shown', () => {
    const steps = { 1: { text: '  b();', confidence: 0.6 }, 2: { text: '  c();', confidence: 0.6 } };
    assert.deepEqual(growBlock('  a();', 0.9, context(steps), config).lines, ['  a();', '  b();']);
    assert.deepEqual(growBlock('  a();', 0.4, context(steps), config).lines, ['  a();', '  b();', '  c();']);
  });
});

describe('completion: block cases and scores', () => {
  it('puts the cursor on an empty line after the opener, the rest of the file after the body as suffix', () => {
    const text = ['def f(a):', '    total = a + 1', '', '    return total', 'print(f(1))', ''].join('\n');
    const [c] = sampleFileBlockCases({ path: 'a.py', language: 'python', text }, { perFile: 5, seed: 1 });
    assert.equal(c.line, 1);
    assert.equal(c.prefix, 'def f(a):\n');
    assert.equal(c.suffix, '\nprint(f(1))\n');
    assert.deepEqual(c.target, ['total = a + 1', 'return total']);
  });

  it('scores whole-body exactness, leading lines right and the first line', () => {
    assert.deepEqual(scoreBlock('  b = a + 1\n\n  return b', ['b = a + 1', 'return b']), { blockEm: true, linesRight: 2, firstLineEm: true, firstLineEs: 1, lines: 2 });
    const partial = scoreBlock('b = a + 1\nreturn a', ['b = a + 1', 'return b']);
    assert.deepEqual([partial.blockEm, partial.linesRight, partial.firstLineEm], [false, 1, true]);
    assert.equal(scoreBlock('b = a + 1', ['b = a + 1', 'return b']).blockEm, false);
  });
});

describe('completion: blocks parse-checked', () => {
  it('cuts a block that adds parse errors to its longest parse-clean first lines', async () => {
    const broken = (name: string) => [`export function ${name}(a: number) {`, '  const b = a + 1;', '  const c = b * 2;', '  return c +* ;', '}'];
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', broken('one').join('\n'));
    engine.addFile('b.ts', 'typescript', broken('two').join('\n'));
    const request = at('c.ts', [broken('three')[0]], ['}']);
    assert.equal(engine.complete(request, { maxLines: 10 }).candidates[0].text.split('\n').length, 3);
    const checked = await completeWithSyntax(engine, await testSyntaxService(), request, { maxLines: 10 });
    assert.equal(checked.candidates[0].text, broken('x').slice(1, 3).join('\n'));
  });
});
