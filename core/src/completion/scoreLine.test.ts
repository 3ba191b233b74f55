import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scoreLine } from './scoreLine';

describe('scoreLine', () => {
  it('compares whitespace-trimmed lines: exact match and edit similarity', () => {
    assert.deepEqual(scoreLine('    return x;', 'return x;'), { em: true, es: 1 });
    assert.deepEqual(scoreLine('return y;', 'return x;'), { em: false, es: 1 - 1 / 9 });
    assert.deepEqual(scoreLine('', 'return x;'), { em: false, es: 0 });
    assert.deepEqual(scoreLine('abc\t', '\n'), { em: false, es: 0 });
    assert.equal(scoreLine('return x', 'return x;').es, 1 - 1 / 9);
  });

  it('em implies es = 1, and es stays in [0, 1] (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (p, t) => {
      const { em, es } = scoreLine(p, t);
      assert.ok(es >= 0 && es <= 1);
      assert.equal(em, es === 1 && p.trim() === t.trim());
      if (em) assert.equal(es, 1);
    }));
  });
});
