import { strict as assert } from 'node:assert';
import { splitWords } from './splitWords';

describe('splitWords', () => {
  it('splits camelCase, PascalCase, acronyms and snake_case, keeping digits with their letters', () => {
    assert.deepEqual(splitWords('getUserName HTMLParser max_len sha256Hex v2Api', 1000), {
      parts: ['get', 'user', 'name', 'html', 'parser', 'max', 'len', 'sha256', 'hex', 'v2', 'api'],
      compounds: ['getusername', 'htmlparser', 'max_len', 'sha256hex', 'v2api'],
    });
  });

  it('treats punctuation as a separator and handles non-ASCII letters', () => {
    assert.deepEqual(splitWords('a.b(c) — Grüße, Ünïcode!', 1000).parts, ['a', 'b', 'c', 'grüße', 'ünïcode']);
  });

  it('stops at maxChars', () => {
    assert.deepEqual(splitWords('hello world', 7).parts, ['hello', 'w']);
  });
});
