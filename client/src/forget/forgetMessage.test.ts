import { strict as assert } from 'node:assert';
import { forgetMessage } from './forgetMessage';

describe('forgetMessage', () => {
  it('says what was forgotten, in the singular or plural', () => {
    assert.equal(forgetMessage({ outcomes: [], sources: 1, file: 'src/a.ts' }, 'a.ts'), 'ArenaLab: forgot the trust learned for 1 place from a.ts; its code stays indexed.');
    assert.equal(forgetMessage({ outcomes: ['o1', 'o2'], sources: 3 }, 'a.ts'), 'ArenaLab: forgot the trust learned for 3 places and 2 outcomes from a.ts; its code stays indexed.');
  });

  it('says so when nothing had been learned', () => {
    assert.equal(forgetMessage({ outcomes: [], sources: 0, file: 'a.ts' }, 'a.ts'), 'ArenaLab: nothing had been learned from a.ts.');
  });
});
