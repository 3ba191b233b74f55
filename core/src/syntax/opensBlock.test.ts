import { strict as assert } from 'node:assert';
import { opensBlock } from './opensBlock';

describe('syntax: opensBlock', () => {
  const table: [string, string, boolean][] = [
    ['typescript', 'function f(a: number) {', true],
    ['typescript', 'const xs = [', true],
    ['typescript', 'foo(', true],
    ['typescript', 'const g = (x) =>', true],
    ['typescript', 'if (x) {   // explain  ', true],
    ['typescript', 'const url = "http://x/{"', false],
    ['typescript', 'const a = 1;', false],
    ['typescript', 'return x; // {', false],
    ['typescript', '}', false],
    ['rust', 'fn main() -> Result<(), Error>', false],
    ['rust', 'let f = |x| ->', true],
    ['go', 'for i := range xs {', true],
    ['python', 'def f(self):', true],
    ['python', 'else:  # fallback', true],
    ['python', 'items = [', true],
    ['python', 'x = "a:"', false],
    ['python', 'x = 1  # note:', false],
    ['python', 'return x', false],
  ];
  for (const [languageId, line, expected] of table) {
    it(`${languageId}: ${JSON.stringify(line)} → ${expected}`, () => {
      assert.equal(opensBlock(languageId, line), expected);
    });
  }
});
