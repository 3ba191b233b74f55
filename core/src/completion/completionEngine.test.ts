import { strict as assert } from 'node:assert';
import { CompletionEngine } from './completionEngine';
import type { CompletionRequest } from './completionTypes';

/** A request with the cursor at the start of the line after `before` (the lines typed so far). */
function at(file: string, before: string[], after: string[] = [], language = 'typescript'): CompletionRequest {
  return { file, language, prefix: before.map((l) => l + '\n').join(''), suffix: after.map((l) => '\n' + l).join('') };
}

const HANDLER = [
  'export function handle(request: Request): Response {',
  '  const user = authenticate(request);',
  '  if (!user) return unauthorized();',
  '  return respond(user, request.body);',
  '}',
];

describe('CompletionEngine', () => {
  it('predicts the line that followed the same context in other files, with provenance and confidence', () => {
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    engine.addFile('b.ts', 'typescript', ['// b', ...HANDLER].join('\n'));
    const result = engine.complete(at('c.ts', HANDLER.slice(0, 2)));
    assert.equal(result.candidates[0].text, '  if (!user) return unauthorized();');
    assert.equal(result.candidates[0].method, 'continuation-vote');
    assert.ok(result.candidates[0].confidence >= engine.config.showThreshold);
    assert.deepEqual(result.candidates[0].provenance.map((p) => [p.file, p.line]), [['a.ts', 2], ['b.ts', 3]]);
    assert.deepEqual(result.candidates[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('lets the longest shared context outvote more frequent shorter ones', () => {
    const engine = new CompletionEngine();
    for (let i = 0; i < 4; i++) engine.addFile(`short${i}.ts`, 'typescript', ['x = compute();', 'log(x);'].join('\n'));
    engine.addFile('long.ts', 'typescript', ['const total = items.length;', 'x = compute();', 'publish(total, x);'].join('\n'));
    const best = engine.complete(at('q.ts', ['const total = items.length;', 'x = compute();']), { showThreshold: 0 }).candidates[0];
    assert.equal(best.text, 'publish(total, x);');
  });

  it('forgets a removed file, revives identical text cheaply, and re-indexes changed text', () => {
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    const request = at('c.ts', HANDLER.slice(0, 2));
    engine.removeFile('a.ts');
    assert.equal(engine.hasFile('a.ts'), false);
    assert.deepEqual(engine.complete(request, { showThreshold: 0 }).candidates.filter((c) => c.text.includes('unauthorized')), []);
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    assert.equal(engine.complete(request).candidates[0].text.trim(), 'if (!user) return unauthorized();');
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n').replace('unauthorized()', 'forbidden()'));
    assert.equal(engine.complete(request).candidates[0].text.trim(), 'if (!user) return forbidden();');
    assert.deepEqual(engine.stats, { files: 1, windows: HANDLER.length });
  });

  it('never reads the indexed copy of the document being edited; it uses the text around the cursor instead', () => {
    const engine = new CompletionEngine();
    engine.addFile('c.ts', 'typescript', HANDLER.join('\n'));
    assert.deepEqual(engine.complete(at('c.ts', HANDLER.slice(0, 2)), { showThreshold: 0 }).candidates.filter((c) => c.text.includes('unauthorized')), []);
  });

  it('matches repeated code inside the document, local names included, before and after the cursor', () => {
    const engine = new CompletionEngine();
    engine.addFile('other.ts', 'typescript', 'unrelated();\nnothing();');
    const before = ['zorgFrob.alpha = readQux(zorgFrob);', 'zorgFrob.beta = writeQux(zorgFrob);', '', 'blipBlop.alpha = readQux(blipBlop);'];
    const self = engine.complete(at('d.ts', before), { showThreshold: 0 }).candidates[0];
    // The same code two lines up used other names: its next line comes back renamed to the names in use here.
    assert.equal(self.text, 'blipBlop.beta = writeQux(blipBlop);');
    assert.equal(self.method, 'continuation-adapted');
    assert.deepEqual(self.provenance.map((p) => [p.file, p.line]), [['d.ts', 1]]);
    const below = engine.complete(at('e.ts', ['start();', 'quxA.open();'], ['', 'quxA.open();', 'quxA.flushAll(true);']), { showThreshold: 0 }).candidates[0];
    assert.equal(below.text, 'quxA.flushAll(true);');
    assert.deepEqual(below.provenance.map((p) => [p.file, p.line]), [['e.ts', 5]]);
  });

  it('adapts a continuation from another file that had the same code with other names', () => {
    const engine = new CompletionEngine({ showThreshold: 0 });
    engine.addFile('a.py', 'python', ['def load(path):', '    with open(path) as handle:', '        data = json.load(handle)', '    return data'].join('\n'));
    const best = engine.complete(at('b.py', ['def read_config(config_file):', '    with open(config_file) as stream:'], [], 'python')).candidates[0];
    assert.equal(best.text, '        data = json.load(stream)');
    assert.equal(best.method, 'continuation-adapted');
    assert.deepEqual(best.provenance.map((p) => [p.file, p.line]), [['a.py', 2]]);
  });

  it('returns nothing below the show threshold but still reports the best confidence', () => {
    const engine = new CompletionEngine({ showThreshold: 0.9 });
    engine.addFile('a.ts', 'typescript', 'begin();\nfirstChoice();');
    engine.addFile('b.ts', 'typescript', 'begin();\nsecondChoice();');
    const result = engine.complete(at('c.ts', ['begin();']));
    assert.deepEqual(result.candidates, []);
    assert.ok(result.bestConfidence > 0 && result.bestConfidence < 0.9);
    assert.equal(engine.complete(at('c.ts', ['begin();']), { showThreshold: 0 }).candidates.length, 2);
  });

  it('completes the rest of a partly typed line, and only with lines that start with what was typed', () => {
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    const request = { file: 'c.ts', language: 'typescript', prefix: HANDLER.slice(0, 2).join('\n') + '\n  if (!us', suffix: '' };
    const best = engine.complete(request, { showThreshold: 0 }).candidates[0];
    assert.equal(best.text, 'er) return unauthorized();');
    assert.deepEqual(best.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } });
  });

  it('re-indents copied lines to the document: the source step applied to the current indentation', () => {
    const engine = new CompletionEngine();
    engine.addFile('a.py', 'python', ['def f(x):', '    if x:', '        return g(x)'].join('\n'));
    const best = engine.complete(at('b.py', ['class K:', '\tdef f(x):', '\t\tif x:'], [], 'python'), { showThreshold: 0 }).candidates[0];
    assert.equal(best.text, '\t\t\treturn g(x)');
  });

  it('does not suggest trivial lines such as a lone closing brace', () => {
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', ['if (ok) {', '  run();', '}', 'done();'].join('\n'));
    const texts = engine.complete(at('b.ts', ['if (ok) {', '  run();']), { showThreshold: 0 }).candidates.map((c) => c.text.trim());
    assert.ok(!texts.includes('}'), texts.join(' | '));
  });

  it('predicts the first line of a document from how other documents start', () => {
    const engine = new CompletionEngine();
    for (const name of ['a', 'b', 'c']) engine.addFile(`${name}.ts`, 'typescript', `import { Observable } from './Observable';\nexport const ${name} = 1;`);
    assert.equal(engine.complete(at('d.ts', []), { showThreshold: 0 }).candidates[0].text, "import { Observable } from './Observable';");
  });

  it('ranks first a continuation accepted from its place, over a rival written twice (one acceptance triples a place)', () => {
    const engine = new CompletionEngine();
    const withLine = (line: string) => [...HANDLER.slice(0, 2), line, '}'].join('\n');
    engine.addFile('a.ts', 'typescript', withLine('  return respond(user, request.body);'));
    engine.addFile('b.ts', 'typescript', withLine('  return respond(user, request.body);'));
    engine.addFile('c.ts', 'typescript', withLine('  return respond(user, request.query);'));
    const request = at('q.ts', HANDLER.slice(0, 2));
    const before = engine.complete(request, { showThreshold: 0 }).candidates.map((c) => c.text.trim());
    assert.deepEqual(before, ['return respond(user, request.body);', 'return respond(user, request.query);']);
    engine.recordAcceptance('c.ts', 2);
    const after = engine.complete(request, { showThreshold: 0 }).candidates;
    assert.equal(after[0].text.trim(), 'return respond(user, request.query);');
    assert.equal(after[0].provenance[0].acceptedBefore, 1);
  });

  it('is deterministic', () => {
    const build = () => {
      const engine = new CompletionEngine();
      engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
      engine.addFile('b.ts', 'typescript', HANDLER.join('\n').replace('respond', 'reply'));
      return engine.complete(at('c.ts', HANDLER.slice(0, 3)), { showThreshold: 0 });
    };
    assert.deepEqual(build(), build());
  });
});

describe('codeWindowSpan', () => {
  it('describes a window as a valid write_code span whose id is the provenance span id', async () => {
    const { codeWindowSpan } = await import('./codeWindowSpan');
    const { validateSpan } = await import('../spans/validateSpan');
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    const provenance = engine.complete(at('c.ts', HANDLER.slice(0, 2))).candidates[0].provenance[0];
    const span = codeWindowSpan({ file: 'a.ts', language: 'typescript', lines: HANDLER, line: 2, scope: 'function handle', when: '2026-01-01T00:00:00Z' });
    assert.equal(span.id, provenance.spanId);
    assert.equal(span.this, 'a.ts:3 in function handle');
    assert.equal(span.context?.environment, 'programming/typescript');
    assert.deepEqual(span.metadata?.preceding_lines, HANDLER.slice(0, 2));
    assert.equal(validateSpan(span).ok, true);
  });
});
