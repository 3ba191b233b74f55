import { strict as assert } from 'node:assert';
import { parseKeyValueLines } from './keyValueLines';

describe('parseKeyValueLines', () => {
  it('reads key = value and key: value lines, skipping blanks and comments', () => {
    const { entries, problems } = parseKeyValueLines('environment = programming/typescript\n\n# note\r\nstakes: high\nurl = http://x:1/a=b');
    assert.deepEqual(entries, { environment: 'programming/typescript', stakes: 'high', url: 'http://x:1/a=b' });
    assert.deepEqual(problems, []);
  });

  it('names the lines that are not entries, and keeps a __proto__ key as an own property for the server to refuse', () => {
    const { entries, problems } = parseKeyValueLines('just words\n= no key\n__proto__ = x');
    assert.deepEqual(problems, ['line 1: expected key = value, got "just words"', 'line 2: expected key = value, got "= no key"']);
    assert.deepEqual(Object.keys(entries), ['__proto__']);
    assert.equal(JSON.parse(JSON.stringify(entries)).__proto__, 'x');
  });
});
