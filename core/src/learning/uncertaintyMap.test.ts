import { strict as assert } from 'node:assert';
import { codeAreaDomain } from './codeAreaDomain';
import { lineAction } from './lineAction';
import { uncertaintyMap } from './uncertaintyMap';
import type { GapObservation } from './uncertaintyMap';

const config = { showThreshold: 0.5, minObservations: 3, examplesPerArea: 2 };

function obs(domain: string, action: string, confidence: number, correct?: boolean, ref = `${domain}:${confidence}`): GapObservation {
  return { domain, action, confidence, ref, detail: `target ${ref}`, ...(correct !== undefined ? { correct, es: correct ? 1 : 0.25 } : {}) };
}

describe('uncertaintyMap', () => {
  it('measures coverage, mean confidence, EM and ES per domain and action', () => {
    const [area] = uncertaintyMap([obs('ts core', 'call', 0.9, true), obs('ts core', 'call', 0.2, false), obs('ts core', 'call', 0.6, false), obs('ts core', 'call', 0.1, true)], [{ domain: 'ts core', action: 'call', count: 40 }], [], config);
    assert.deepEqual(
      { ...area, targeted: undefined },
      { domain: 'ts core', action: 'call', observations: 4, examples: 40, coverage: 0.5, meanConfidence: 0.45, em: 0.5, es: 0.625, weakness: 0.5, weaknessBound: 0.15, sparse: false, targeted: undefined, candidates: [] },
    );
  });

  it('ranks the weakest area first and lists its wrong answers, least confident first', () => {
    const map = uncertaintyMap(
      [obs('py', 'import', 0.9, true), obs('py', 'import', 0.8, true), obs('py', 'import', 0.7, false), obs('go', 'control', 0.6, false), obs('go', 'control', 0.3, false), obs('go', 'control', 0.4, true), obs('go', 'control', 0.1)],
      [],
      [],
      config,
    );
    assert.deepEqual(map.map((a) => [a.domain, a.weakness]), [['go', 0.6667], ['py', 0.3333]]);
    assert.deepEqual(map[0].targeted.map((t) => [t.confidence, t.correct]), [[0.3, false], [0.6, false]]);
  });

  it('ranks a big area that is surely weak before a few unlucky cases', () => {
    const many = Array.from({ length: 400 }, (_, i) => obs('big', 'call', 0.3, i < 8, `big:${i}`));
    const few = Array.from({ length: 6 }, (_, i) => obs('small', 'call', 0.1, false, `small:${i}`));
    const map = uncertaintyMap([...few, ...many], [], [], config);
    assert.deepEqual(map.map((a) => [a.domain, a.weakness, a.weaknessBound]), [['big', 0.98, 0.961], ['small', 1, 0.6097]]);
  });

  it('without ground truth, weakness is the share not answered at the show threshold', () => {
    const [area] = uncertaintyMap([obs('chat', 'ask_question', 0.7), obs('chat', 'ask_question', 0.2), obs('chat', 'ask_question', 0.1)], [], [], config);
    assert.equal(area.em, null);
    assert.equal(area.weakness, 0.6667);
    assert.deepEqual(area.targeted.map((t) => t.confidence), [0.1, 0.2]);
  });

  it('ties on weakness go to the less confident, then the better measured area; sparse areas are flagged', () => {
    const map = uncertaintyMap([obs('a', 'x', 0.4, false), obs('b', 'x', 0.2, false), obs('c', 'x', 0.2, false), obs('c', 'x', 0.2, false), obs('c', 'x', 0.2, false)], [], [], config);
    assert.deepEqual(map.map((a) => [a.domain, a.sparse]), [['c', false], ['b', true], ['a', true]]);
  });

  it('lists areas that only have material last, with their best candidates', () => {
    const map = uncertaintyMap([obs('a', 'x', 0.9, true)], [{ domain: 'docs', action: 'ask_question', count: 3 }], [
      { domain: 'docs', action: 'ask_question', ref: 's1', detail: 'q1', quality: 70 },
      { domain: 'docs', action: 'ask_question', ref: 's2', detail: 'q2', quality: 91 },
      { domain: 'docs', action: 'ask_question', ref: 's3', detail: 'q3', quality: 85 },
    ], config);
    assert.deepEqual(map.map((a) => a.domain), ['a', 'docs']);
    assert.deepEqual(map[1].candidates.map((c) => c.ref), ['s2', 's3']);
    assert.equal(map[1].observations, 0);
  });

  it('rejects a show threshold outside [0, 1]', () => {
    assert.throws(() => uncertaintyMap([], [], [], { ...config, showThreshold: 2 }), RangeError);
  });
});

describe('lineAction', () => {
  it('classifies lines across languages', () => {
    const cases: [string, string][] = [
      ["import { a } from './a';", 'import'],
      ['from os import path', 'import'],
      ["const fs = require('fs');", 'import'],
      ['return total + 1;', 'return'],
      ['} else if (x > 1) {', 'control'],
      ['for item in items:', 'control'],
      ['export function run(x: number) {', 'declaration'],
      ['def helper(self):', 'declaration'],
      ['// why this is here', 'comment'],
      ['# python comment', 'comment'],
      ['console.log(value);', 'call'],
      ['total += value', 'other'],
    ];
    for (const [line, action] of cases) assert.equal(lineAction(line), action, line);
  });
});

describe('codeAreaDomain', () => {
  it('is the language and the folder cut to depth', () => {
    assert.equal(codeAreaDomain('typescript', 'core/src/learning/a.ts', 2), 'typescript core/src');
    assert.equal(codeAreaDomain('python', 'setup.py', 3), 'python .');
    assert.throws(() => codeAreaDomain('go', 'a.go', -1), RangeError);
  });
});
