import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../spans/span';
import { scoreSpan } from './scoreSpan';

// Golden cases pin every score, class and reason. After a deliberate rule change, rerun with UPDATE_GOLDEN=1
// and review the diff of expected.json like any other code change.
const fixtures = path.resolve(__dirname, '../../../test-fixtures/quality');
const expectedFile = path.join(fixtures, 'expected.json');

interface GoldenCase {
  name: string;
  span: Span;
  neighbourSimilarities?: number[];
}

const cases: GoldenCase[] = fs
  .readFileSync(path.join(fixtures, 'spans.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as GoldenCase);

describe('quality: golden fixtures', () => {
  const actual = Object.fromEntries(
    cases.map((c) => [c.name, scoreSpan(c.span, { neighbourSimilarities: c.neighbourSimilarities })]),
  );

  before(() => {
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
  });

  it('has an expected entry for every case and no stale ones', () => {
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(expected).sort(), cases.map((c) => c.name).sort());
  });

  for (const c of cases) {
    it(`scores ${c.name} as recorded`, () => {
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(actual[c.name], expected[c.name]);
    });
  }

  it('lets good chat answers and commits reach diamond, flags fixable spans and discards junk', () => {
    for (const name of ['chat-good', 'chat-good-neighbours', 'chat-confirmed', 'git-good', 'git-reviewed', 'quoted-code']) {
      assert.equal(actual[name].class, 'diamond', `${name}: ${actual[name].total_score}`);
    }
    for (const name of ['chat-offtopic', 'chat-truncated', 'chat-unanswered', 'git-no-diff', 'failed-no-reason', 'pending']) {
      assert.equal(actual[name].class, 'needs_enrichment', `${name}: ${actual[name].total_score}`);
    }
    for (const name of ['chat-vague-scraped', 'synthetic-echo']) {
      assert.equal(actual[name].class, 'discarded', `${name}: ${actual[name].total_score}`);
    }
  });
});
