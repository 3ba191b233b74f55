import { strict as assert } from 'node:assert';
import { decodeTextLines } from './decodeTextLines';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeTextLines', () => {
  it('splits on LF and CRLF, drops a BOM and blank lines, keeps a last line without newline', () => {
    const result = decodeTextLines(bytes([0xef, 0xbb, 0xbf], 'a\r\n\r\n  \nb\nc'), 'f');
    assert.deepEqual(result, { lines: [{ line: 1, text: 'a' }, { line: 4, text: 'b' }, { line: 5, text: 'c' }], problems: [] });
  });

  it('reports an invalid UTF-8 line and keeps the others, with their real line numbers', () => {
    const result = decodeTextLines(bytes('ok 1\n', [0x62, 0xff, 0x0a], 'ok ☃\r\n', [0xc3, 0x28], '\nlast'), 'f.jsonl');
    assert.deepEqual(result.lines, [{ line: 1, text: 'ok 1' }, { line: 3, text: 'ok ☃' }, { line: 5, text: 'last' }]);
    assert.deepEqual(result.problems, [
      { file: 'f.jsonl', line: 2, field: '-', message: 'invalid UTF-8, line skipped' },
      { file: 'f.jsonl', line: 4, field: '-', message: 'invalid UTF-8, line skipped' },
    ]);
  });

  it('calls input with a NUL byte in its first 8 KB binary, and only then', () => {
    assert.deepEqual(decodeTextLines(bytes('text', [0], 'more'), 'x.bin').problems, [
      { file: 'x.bin', line: 0, field: '-', message: 'binary file, skipped' },
    ]);
    const late = decodeTextLines(bytes('a'.repeat(9000), [0]), 'late');
    assert.equal(late.problems.length, 0);
  });

  it('handles empty input', () => {
    assert.deepEqual(decodeTextLines(new Uint8Array(0), 'e'), { lines: [], problems: [] });
  });
});
