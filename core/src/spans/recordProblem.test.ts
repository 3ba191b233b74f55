import { strict as assert } from 'node:assert';
import { formatProblemSummary, formatRecordProblem, summarizeProblems } from './recordProblem';

describe('recordProblem', () => {
  it('formats file:line: field: message, with - for whole records and no line for whole files', () => {
    assert.equal(formatRecordProblem({ file: 'a.jsonl', line: 3, field: 'when', message: 'bad' }), 'a.jsonl:3: when: bad');
    assert.equal(formatRecordProblem({ file: 'a.jsonl', line: 4, field: '', message: 'malformed JSON' }), 'a.jsonl:4: -: malformed JSON');
    assert.equal(formatRecordProblem({ file: 'b.bin', line: 0, field: '-', message: 'binary file, skipped' }), 'b.bin: -: binary file, skipped');
    assert.equal(
      formatRecordProblem({ file: 'c.json', line: 2, field: 'mapping', message: 'is required', unit: 'conversation' }),
      'c.json:conversation 2: mapping: is required',
    );
  });

  it('counts problems by kind, ignoring the offending values', () => {
    const summary = summarizeProblems([
      { field: 'when', message: 'must be an ISO-8601 date, got "x"' },
      { field: 'when', message: 'must be an ISO-8601 date, got "2024-13-45"' },
      { field: 'this', message: 'is 2.1 MB, over the 1 MB limit' },
      { field: 'context.previous_spans.3', message: 'must be a string, got number 1' },
      { field: 'context.previous_spans.7', message: 'must be a string, got null' },
    ]);
    assert.equal(summary.total, 5);
    assert.deepEqual(summary.byKind, [
      { kind: 'context.previous_spans.#: must be a string', count: 2 },
      { kind: 'when: must be an ISO-8601 date', count: 2 },
      { kind: 'this: is # MB, over the # MB limit', count: 1 },
    ]);
    assert.deepEqual(formatProblemSummary(summary).slice(0, 2), ['5 problems:', '  2 × context.previous_spans.#: must be a string']);
    assert.deepEqual(formatProblemSummary(summarizeProblems([])), ['no problems']);
  });
});
