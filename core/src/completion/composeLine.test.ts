import { strict as assert } from 'node:assert';
import type { Cancellation } from '../ports/cancellation';
import { composeLine } from './composeLine';
import type { BeamSettings, ComposeRequest, TokenPredictor } from './composeLine';
import type { NextToken, TokenSource } from './nextTokenModel';
import { NEWLINE_ID } from './tokenStream';

// A predictor from a table: the last token decides the next (a bigram model), so every test sees exact numbers.
const WORDS = ['\n', 'x', '=', 'f', '(', 'a', ')', ';', 'g', 'fetch', 'fetchAll', ','];
const id = (word: string) => WORDS.indexOf(word);
const SOURCE: TokenSource = { path: 's.ts', scope: 'index', tokens: new Int32Array(1), lineStarts: new Int32Array([0, 1]), lines: [''], firstLine: 0, end: 1 };

function table(rows: Record<string, [string, number][]>): TokenPredictor & { calls: number } {
  return {
    calls: 0,
    next(context: Int32Array, end: number): NextToken[] {
      this.calls++;
      const last = WORDS[context[end - 1]];
      return (rows[last] ?? []).map(([word, probability]) => ({ id: id(word), probability, count: 3, best: { source: SOURCE, position: 0, matchLength: 4 } }));
    },
  };
}

const SETTINGS: BeamSettings = { beamWidth: 3, branching: 3, maxTokens: 12, minTokenProbability: 0.01 };

function request(typed: string[], extra: Partial<ComposeRequest> = {}): ComposeRequest {
  const context = Int32Array.from(typed.map(id));
  return { context, end: context.length, partial: '', openBrackets: 0, tokenText: (i) => WORDS[i], ...extra };
}

const texts = (lines: ReturnType<typeof composeLine>) => lines.map((l) => l.ids.map((i) => WORDS[i]).join(' '));

describe('composeLine (beam search over next tokens)', () => {
  it('composes token by token up to the line break, most probable line first, with per-token evidence', () => {
    const model = table({ '=': [['f', 0.7], ['g', 0.3]], f: [['(', 1]], g: [[';', 1]], '(': [['a', 1]], a: [[')', 1]], ')': [[';', 1]], ';': [['\n', 1]] });
    const lines = composeLine(model, request(['x', '=']), SETTINGS);
    assert.deepEqual(texts(lines), ['f ( a ) ;', 'g ;']);
    assert.ok(Math.abs(lines[0].probability - 0.7) < 1e-9);
    assert.equal(lines[0].evidence.length, 5);
    assert.deepEqual(lines[0].counts, [3, 3, 3, 3, 3]);
  });

  it('ends a line only with its brackets balanced, unless it ends by opening something', () => {
    // After `a` the model would end the line with `(` still open: that line is not complete.
    const model = table({ '=': [['f', 1]], f: [['(', 1]], '(': [['a', 0.6], ['\n', 0.4]], a: [['\n', 0.9], [')', 0.1]], ')': [['\n', 1]] });
    assert.deepEqual(texts(composeLine(model, request(['x', '=']), SETTINGS)), ['f (', 'f ( a )']);
    // A bracket opened before the cursor may be closed by the composed rest.
    const closing = table({ a: [[')', 1]], ')': [['\n', 1]] });
    assert.deepEqual(texts(composeLine(closing, request(['f', '(', 'a'], { openBrackets: 1 }), SETTINGS)), [')']);
  });

  it('never contradicts a partly typed word: the first token extends it, renormalised among those that do', () => {
    const model = table({ '=': [['g', 0.5], ['fetchAll', 0.3], ['fetch', 0.2]], fetch: [['\n', 1]], fetchAll: [['\n', 1]], g: [['\n', 1]] });
    const lines = composeLine(model, request(['x', '='], { partial: 'fetch' }), SETTINGS);
    assert.deepEqual(texts(lines), ['fetchAll', 'fetch']);
    assert.ok(Math.abs(lines[0].probability - 0.6) < 1e-9);
  });

  it('stops at the token limit and when the budget runs out, returning only lines completed by then', () => {
    const loop = table({ '=': [['a', 0.5], ['f', 0.5]], a: [[',', 1]], ',': [['a', 1]], f: [[';', 1]], ';': [['\n', 1]] });
    assert.deepEqual(texts(composeLine(loop, request(['x', '=']), SETTINGS)), ['f ;'], 'the endless `a , a , …` is cut at maxTokens');
    let asked = 0;
    const budget: Cancellation = { get isCancelled() { return ++asked > 2; } };
    assert.deepEqual(texts(composeLine(loop, request(['x', '='], { budget }), SETTINGS)), [], 'two steps: `f ;` has no line break yet');
    asked = 0;
    const later: Cancellation = { get isCancelled() { return ++asked > 3; } };
    assert.deepEqual(texts(composeLine(loop, request(['x', '='], { budget: later }), SETTINGS)), ['f ;']);
  });

  it('keeps at most beamWidth partial lines', () => {
    const wide = table({ '=': [['a', 0.4], ['f', 0.3], ['g', 0.2], ['x', 0.1]], a: [['\n', 1]], f: [['\n', 1]], g: [['\n', 1]], x: [['\n', 1]] });
    assert.deepEqual(texts(composeLine(wide, request(['x', '=']), { ...SETTINGS, beamWidth: 2, branching: 4 })), ['a', 'f']);
    assert.equal(NEWLINE_ID, id('\n'));
  });
});
