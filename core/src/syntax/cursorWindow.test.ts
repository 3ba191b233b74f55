import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { cursorWindow } from './cursorWindow';

const textArb = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é'), { maxLength: 60 }).map((chars) => chars.join(''));

describe('syntax: cursorWindow', () => {
  it('keeps the last N prefix lines and the first M suffix lines, the cursor line counting on both sides', () => {
    const prefix = 'l1\nl2\nl3\nl4\npart';
    const suffix = 'rest\ns1\ns2\ns3';
    assert.deepEqual(cursorWindow(prefix, suffix, { prefixLines: 3, suffixLines: 2 }), { prefix: 'l3\nl4\npart', suffix: 'rest\ns1' });
    assert.deepEqual(cursorWindow(prefix, suffix, { prefixLines: 99, suffixLines: 99 }), { prefix, suffix });
    assert.deepEqual(cursorWindow('', '', { prefixLines: 1, suffixLines: 1 }), { prefix: '', suffix: '' });
  });

  it('is a tail of the prefix and a head of the suffix with at most N and M lines (property)', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (prefix, suffix, prefixLines, suffixLines) => {
        const window = cursorWindow(prefix, suffix, { prefixLines, suffixLines });
        assert.ok(prefix.endsWith(window.prefix));
        assert.ok(suffix.startsWith(window.suffix));
        assert.ok(window.prefix.split('\n').length <= prefixLines);
        assert.ok(window.suffix.split('\n').length <= suffixLines);
        const allPrefixLines = prefix.split('\n').length;
        if (allPrefixLines <= prefixLines) assert.equal(window.prefix, prefix);
        else assert.equal(window.prefix.split('\n').length, prefixLines);
        if (suffix.split('\n').length <= suffixLines) assert.equal(window.suffix, suffix);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('refuses a window of fewer than one line', () => {
    assert.throws(() => cursorWindow('a', 'b', { prefixLines: 0 }), TypeError);
  });
});
