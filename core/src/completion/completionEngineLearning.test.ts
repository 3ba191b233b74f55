import { strict as assert } from 'node:assert';
import { CompletionEngine } from './completionEngine';
import type { CompletionRequest } from './completionTypes';
import { codeWindowSpanId } from './codeWindowSpan';

function at(file: string, before: string[]): CompletionRequest {
  return { file, language: 'typescript', prefix: before.map((l) => l + '\n').join(''), suffix: '' };
}

const HEAD = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const withLine = (line: string) => [...HEAD, line, '}'].join('\n');
const FILES: Record<string, string> = {
  'a.ts': withLine('  if (!user) return unauthorized();'),
  'b.ts': withLine('  if (!user) return unauthorized();'),
  'c.ts': withLine('  if (!user) return forbidden();'),
  'd.ts': ['const total = items.reduce((sum, item) => sum + item.price, 0);', 'return format(total);'].join('\n'),
  'e.ts': ['const total = items.reduce((sum, item) => sum + item.price, 0);', 'return round(total);'].join('\n'),
};
const PROBES = [at('q.ts', HEAD), at('r.ts', ['const total = items.reduce((sum, item) => sum + item.price, 0);']), at('s.ts', [])];

function build(files: string[]): CompletionEngine {
  const engine = new CompletionEngine();
  for (const file of files) engine.addFile(file, 'typescript', FILES[file]);
  return engine;
}

const answers = (engine: CompletionEngine) => PROBES.map((p) => engine.complete(p, { showThreshold: 0 }));
const firstLines = (engine: CompletionEngine, probe: CompletionRequest) => engine.complete(probe, { showThreshold: 0 }).candidates.map((c) => c.text.trim());

describe('CompletionEngine learning', () => {
  it('demotes a place whose suggestions were dismissed and rejected by failing tests', () => {
    const engine = build(['a.ts', 'b.ts', 'c.ts']);
    const probe = PROBES[0];
    assert.equal(firstLines(engine, probe)[0], 'if (!user) return unauthorized();');
    const shown = engine.complete(probe, { showThreshold: 0 }).candidates[0];
    engine.recordOutcome(shown, 'dismissed', 'o1');
    engine.recordOutcome(shown, 'failed', 'o2');
    assert.equal(firstLines(engine, probe)[0], 'if (!user) return forbidden();');
  });

  it('credits an outcome id once, and a gain of 0 ignores what was learned', () => {
    const engine = build(['a.ts', 'b.ts', 'c.ts']);
    const shown = engine.complete(PROBES[0], { showThreshold: 0 }).candidates[1];
    engine.recordOutcome(shown, 'accepted', 'o1');
    engine.recordOutcome(shown, 'accepted', 'o1');
    const after = engine.complete(PROBES[0], { showThreshold: 0 }).candidates[0];
    assert.equal(after.text.trim(), 'if (!user) return forbidden();');
    assert.equal(after.provenance[0].acceptedBefore, 1);
    const deaf = new CompletionEngine({ learnedWeightGain: 0 }, engine.weights);
    for (const file of ['a.ts', 'b.ts', 'c.ts']) deaf.addFile(file, 'typescript', FILES[file]);
    assert.equal(firstLines(deaf, PROBES[0])[0], 'if (!user) return unauthorized();');
  });

  it('unlearns a file and an outcome exactly: predictions equal those of an engine built without them', () => {
    const learned = build(['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts']);
    const [handler, total] = [learned.complete(PROBES[0], { showThreshold: 0 }), learned.complete(PROBES[1], { showThreshold: 0 })];
    learned.recordOutcome(handler.candidates[0], 'dismissed', 'x1');
    learned.recordOutcome(handler.candidates[1], 'accepted', 'keep');
    learned.recordOutcome(total.candidates[0], 'retained', 'x2');
    learned.recordAcceptance('a.ts', 2);
    learned.unlearnFile('a.ts');
    learned.weights.unlearnOutcome('x2');

    const fresh = build(['b.ts', 'c.ts', 'd.ts', 'e.ts']);
    const freshHandler = fresh.complete(PROBES[0], { showThreshold: 0 });
    fresh.recordOutcome(freshHandler.candidates[0], 'dismissed', 'x1');
    fresh.recordOutcome(freshHandler.candidates[1], 'accepted', 'keep');
    assert.deepEqual(answers(learned), answers(fresh));
    const aLines = FILES['a.ts'].split('\n');
    const aSources = aLines.map((text, line) => codeWindowSpanId('a.ts', text, line === 0 ? '' : aLines[line - 1]));
    assert.ok(learned.weights.entries().every((e) => !aSources.includes(e.source) && e.file !== 'a.ts'));
    // Re-adding the file brings back its text, not what was learned about it.
    learned.addFile('a.ts', 'typescript', FILES['a.ts']);
    assert.ok(aSources.every((source) => learned.weights.weight(source) === 1));
  });

  it('keeps what it learned about a place when lines above it are edited (window ids carry no line number)', () => {
    const engine = build(['a.ts', 'b.ts', 'c.ts']);
    engine.recordAcceptance('c.ts', 2);
    engine.addFile('c.ts', 'typescript', ['// moved down by a new header', '', FILES['c.ts']].join('\n'));
    const best = engine.complete(PROBES[0], { showThreshold: 0 }).candidates[0];
    assert.equal(best.text.trim(), 'if (!user) return forbidden();');
    assert.deepEqual([best.provenance[0].line, best.provenance[0].acceptedBefore], [4, 1]);
  });

  it('keeps the weights of a file that is only removed and re-added (the benchmark cycle)', () => {
    const engine = build(['a.ts', 'b.ts', 'c.ts']);
    engine.recordAcceptance('c.ts', 2);
    engine.removeFile('c.ts');
    engine.addFile('c.ts', 'typescript', FILES['c.ts']);
    assert.equal(firstLines(engine, PROBES[0])[0], 'if (!user) return forbidden();');
  });
});
