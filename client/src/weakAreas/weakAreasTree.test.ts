import { strict as assert } from 'node:assert';
import type { GapAreaInfo } from '@arenalab/protocol';
import { areaDescription, parseExampleRef, weakAreasTree } from './weakAreasTree';

const area = (over: Partial<GapAreaInfo> = {}): GapAreaInfo => ({
  domain: 'typescript server/src/lsp', action: 'comment', observations: 73, examples: 410, coverage: 0.055, meanConfidence: 0.312,
  em: 0, es: 0.21, weakness: 1, weaknessBound: 0.95, sparse: false,
  targeted: [
    { ref: 'server/src/lsp/onGaps.ts:12', detail: 'expected "// x" got "// y"', confidence: 0.41, correct: false },
    { ref: 'const x = 1 (sug_abc)', detail: 'shown, not judged', confidence: 0.7 },
  ],
  candidates: [{ ref: 'span_1', detail: 'write_code onGaps', quality: 86 }],
  ...over,
});

describe('weakAreasTree', () => {
  it('parses next-line case refs and refuses span refs', () => {
    assert.deepEqual(parseExampleRef('src/a b.ts:12'), { file: 'src/a b.ts', line: 12 });
    assert.deepEqual(parseExampleRef('C:/w/a.ts:3'), { file: 'C:/w/a.ts', line: 3 });
    assert.equal(parseExampleRef('const x = 1 (sug_abc)'), undefined);
    assert.equal(parseExampleRef('return a:b (sug:2)'), undefined, 'a suggestion text with a colon is not a place');
    assert.equal(parseExampleRef('span_1'), undefined);
    assert.equal(parseExampleRef('a.ts:0'), undefined, 'lines are 1-based');
  });

  it('summarises an area with EM, coverage, confidence and cases', () => {
    assert.equal(areaDescription(area()), 'EM 0 % · coverage 6 % · conf 0.31 · 73 cases');
    assert.equal(areaDescription(area({ em: null, sparse: true, observations: 3, coverage: 1 })), 'EM – · coverage 100 % · conf 0.31 · 3 cases · sparse');
  });

  it('lists areas weakest first, each with its targeted examples and candidates', () => {
    const rows = weakAreasTree({ root: '/w', observations: { next_line_cases: 80, logged_suggestions: 1 }, areas: [area(), area({ domain: 'python', action: 'call' })] });
    assert.deepEqual(rows.map((r) => r.label), ['1. typescript server/src/lsp · comment', '2. python · call']);
    assert.match(rows[0].tooltip ?? '', /examples held \(material\): 410/);
    const [targeted, candidates] = rows[0].children;
    assert.deepEqual(targeted.children.map((e) => [e.description, e.icon]), [['wrong · conf 0.41', 'close'], ['unjudged · conf 0.70', 'question']]);
    assert.deepEqual(targeted.children[0].open, { root: '/w', place: { file: 'server/src/lsp/onGaps.ts', line: 12 } });
    assert.equal(targeted.children[1].open, undefined, 'a logged suggestion has no line to open');
    assert.deepEqual(candidates.children.map((c) => [c.label, c.description]), [['write_code onGaps', 'quality 86']]);
    assert.equal(new Set(rows.flatMap((r) => [r.id, ...r.children.flatMap((g) => [g.id, ...g.children.map((c) => c.id)])])).size, 2 * (1 + 2 + 3), 'ids are unique');
  });

  it('says why a group or the view is empty', () => {
    const [row] = weakAreasTree({ root: '/w', observations: { next_line_cases: 5, logged_suggestions: 0 }, areas: [area({ targeted: [], candidates: [] })] });
    assert.deepEqual(row.children.map((g) => [g.description, g.children[0].contextValue]), [['0', 'message'], ['0', 'message']]);
    assert.match(weakAreasTree({ observations: { next_line_cases: 0, logged_suggestions: 0 }, areas: [] })[0].label, /open one/);
    assert.match(weakAreasTree({ root: '/w', observations: { next_line_cases: 0, logged_suggestions: 0 }, areas: [] })[0].label, /Nothing measured yet/);
  });
});
