import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatRecordProblem } from '../spans/recordProblem';
import { parseSpansJsonl } from './parseSpansJsonl';

const fixtures = path.resolve(__dirname, '../../../test-fixtures/spans');

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(fixtures, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}

function parseFixture(name: string) {
  return parseSpansJsonl(fs.readFileSync(path.join(fixtures, name)), name);
}

describe('parseSpansJsonl', () => {
  it('reads valid.jsonl completely (golden spans with defaults and derived ids)', () => {
    const result = parseFixture('valid.jsonl');
    assert.deepEqual(result.problems, []);
    assert.equal(result.spans.length, 6);
    assertGolden('valid.expected.json', JSON.stringify(result.spans, null, 2) + '\n');
  });

  it('reports every bad line of invalid.jsonl exactly (golden) and keeps the valid one', () => {
    const result = parseFixture('invalid.jsonl');
    assert.equal(result.spans.length, 1);
    assert.equal(result.spans[0].this, 'README.md');
    assertGolden('invalid.expected.txt', result.problems.map(formatRecordProblem).join('\n') + '\n');
  });

  it('reads a CRLF file with a BOM and no final newline like the LF one', () => {
    const crlf = parseFixture('crlf.jsonl');
    const lf = parseFixture('valid.jsonl');
    assert.deepEqual(crlf.problems, []);
    assert.deepEqual(crlf.spans, lf.spans.slice(0, 4));
  });

  it('skips only the invalid UTF-8 lines', () => {
    const result = parseFixture('invalid-utf8.jsonl');
    assert.deepEqual(result.spans.map((s) => s.id), ['v-001', 'v-002', 'v-005']);
    assert.deepEqual(result.problems.map(formatRecordProblem), [
      'invalid-utf8.jsonl:2: -: invalid UTF-8, line skipped',
      'invalid-utf8.jsonl:4: -: invalid UTF-8, line skipped',
    ]);
  });

  it('skips a binary file with one problem', () => {
    const result = parseFixture('binary.jsonl');
    assert.deepEqual(result.spans, []);
    assert.deepEqual(result.problems.map(formatRecordProblem), ['binary.jsonl: -: binary file, skipped']);
  });

  it('rejects a record with an oversized field and reads the next line', () => {
    const big = JSON.stringify({ who: 'a', did: 'b', this: 'x'.repeat(1_100_000), when: '2026-01-01', status: 'pending' });
    const small = JSON.stringify({ who: 'a', did: 'b', this: 'y', when: '2026-01-01', status: 'pending' });
    const result = parseSpansJsonl(Buffer.from(`${big}\n${small}\n`), 'big.jsonl');
    assert.equal(result.spans.length, 1);
    const edge = parseSpansJsonl(Buffer.from(big.replace(/x+/, 'x'.repeat(1_048_577))), 'edge.jsonl');
    assert.deepEqual(edge.problems.map(formatRecordProblem), ['edge.jsonl:1: this: is 1048577 bytes, over the 1048576-byte limit']);
    assert.deepEqual(result.problems.map(formatRecordProblem), ['big.jsonl:1: this: is 1.05 MB, over the 1 MB limit']);
  });
});
