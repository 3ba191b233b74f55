import { strict as assert } from 'node:assert';
import { fixedClock } from '../ports/clock';
import type { Clock } from '../ports/clock';
import { CompletionEngine } from './completionEngine';
import type { CompletionRequest } from './completionTypes';

const FILES: Record<string, string> = {
  'a.ts': ['export function load(path: string) {', "  const text = readFileSync(path, 'utf8');", '  return parse(text);', '}'].join('\n'),
  'b.ts': ['export function save(target: string, value: Data) {', "  writeFileSync(target, format(value), 'utf8');", '}'].join('\n'),
};

function engineWith(files: string[], config = {}): CompletionEngine {
  const engine = new CompletionEngine(config);
  for (const file of files) engine.addFile(file, 'typescript', FILES[file]);
  return engine;
}

/** The cursor after `typed` on a new line of q.ts, below `before`. */
function typing(before: string[], typed: string): CompletionRequest {
  return { file: 'q.ts', language: 'typescript', prefix: before.map((l) => l + '\n').join('') + typed, suffix: '\n}\n' };
}

// No indexed line starts with "const data = readFileSync(": only token-level composition can finish it.
const REQUEST = typing(['export function read(path: string) {'], '  const data = readFileSync(');

describe('composed candidates in the one vote', () => {
  it('completes the rest of a line no indexed line starts with, token by token, with per-segment provenance', () => {
    const result = new CompletionEngine().complete(REQUEST, { showThreshold: 0 });
    assert.equal(result.candidates.length, 0, 'without indexed files nothing is composed');
    const best = engineWith(['a.ts', 'b.ts']).complete(REQUEST, { showThreshold: 0 }).candidates[0];
    assert.equal(best.method, 'token-composed');
    assert.equal(best.text, "path, 'utf8');");
    assert.deepEqual(best.range.start, best.range.end, 'inserted at the cursor, what was typed is kept');
    assert.ok(best.confidence > 0 && best.confidence <= 1);
    const segment = best.provenance.find((p) => p.file === 'a.ts');
    assert.ok(segment, JSON.stringify(best.provenance));
    assert.equal(segment.line, 1);
    assert.equal(segment.text, "path, 'utf8');");
    assert.ok((segment.matchedTokens ?? 0) >= 2);
    assert.ok(segment.spanId !== undefined, 'outcomes can be credited to the place');
  });

  it('is turned off by synthesisCredit 0 and per call by synthesis: false (the copy-only baseline)', () => {
    assert.deepEqual(engineWith(['a.ts', 'b.ts'], { synthesisCredit: 0 }).complete(REQUEST, { showThreshold: 0 }).candidates, []);
    assert.deepEqual(engineWith(['a.ts', 'b.ts']).complete(REQUEST, { showThreshold: 0, synthesis: false }).candidates, []);
  });

  it('stops composing when the clock passes synthesisBudgetMs (an injected clock, so the test is deterministic)', () => {
    const withClock = (clock: Clock) => {
      const engine = new CompletionEngine({}, undefined, clock);
      for (const file of ['a.ts', 'b.ts']) engine.addFile(file, 'typescript', FILES[file]);
      return engine.complete(REQUEST, { showThreshold: 0 }).candidates.map((c) => c.method);
    };
    assert.deepEqual(withClock(fixedClock(0)).slice(0, 1), ['token-composed'], 'a clock standing still never runs out');
    const racing = fixedClock(0);
    assert.deepEqual(withClock({ now: () => (racing.advance(4), racing.now()) }), [], 'each look at a racing clock costs 4 ms: the budget of 6 ms is spent before a line is done');
  });

  it('typing on narrows the previous composed lines instead of composing again; an index change clears them', () => {
    let now = 0;
    let racing = false;
    // Once racing, every look at the clock costs 4 ms, so a fresh beam is out of time before its first line.
    const engine = new CompletionEngine({}, undefined, { now: () => (racing ? (now += 4) : now) });
    for (const file of ['a.ts', 'b.ts']) engine.addFile(file, 'typescript', FILES[file]);
    const first = engine.complete(REQUEST, { showThreshold: 0 }).candidates[0];
    assert.deepEqual([first.method, first.text], ['token-composed', "path, 'utf8');"]);
    racing = true;
    const typedOn = engine.complete({ ...REQUEST, prefix: REQUEST.prefix + 'pa' }, { showThreshold: 0 }).candidates[0];
    assert.deepEqual([typedOn?.method, typedOn?.text], ['token-composed', "th, 'utf8');"], 'narrowed, not recomputed');
    assert.deepEqual(engine.complete({ ...REQUEST, prefix: REQUEST.prefix + 'x' }, { showThreshold: 0 }).candidates, [], 'nothing left to narrow: composed again, out of time');
    racing = false;
    engine.complete(REQUEST, { showThreshold: 0 });
    racing = true;
    engine.addFile('c.ts', 'typescript', 'const other = 1;');
    assert.deepEqual(engine.complete({ ...REQUEST, prefix: REQUEST.prefix + 'pa' }, { showThreshold: 0 }).candidates, []);
  });

  it('never proposes a line that contradicts what was typed, a partly typed word included', () => {
    const engine = engineWith(['a.ts', 'b.ts']);
    for (const typed of ['  const text = readF', '  writeFileSync(tar', '  const text = readFileSync(pa']) {
      for (const candidate of engine.complete(typing(['export function read(path: string) {'], typed), { showThreshold: 0 }).candidates) {
        if (candidate.range.start.character === 0) assert.ok(candidate.text.trim().startsWith(typed.trim()), candidate.text);
        else assert.deepEqual(candidate.range.start, candidate.range.end);
      }
    }
    // "data" is new here, so no indexed line starts like this: only tokens can complete the partly typed word.
    const partial = engine.complete(typing(['export function read(path: string) {'], '  const data = readFileSync(pa'), { showThreshold: 0 }).candidates[0];
    assert.deepEqual([partial.method, partial.text], ['token-composed', "th, 'utf8');"]);
  });

  it('unlearnFile removes every trace from the token model: answers equal an engine that never had the file', () => {
    const learned = engineWith(['a.ts', 'b.ts']);
    learned.unlearnFile('a.ts');
    const fresh = engineWith(['b.ts']);
    for (const typed of ['  const data = readFileSync(', '  writeFileSync(', '  const text = ']) {
      const request = typing(['export function read(path: string) {'], typed);
      assert.deepEqual(learned.complete(request, { showThreshold: 0 }), fresh.complete(request, { showThreshold: 0 }));
    }
  });
});
