import { strict as assert } from 'node:assert';
import { completionModeOf } from './completionMode';

describe('completionModeOf', () => {
  it('is next-line with nothing typed, mid-line with text typed, block for several lines', () => {
    assert.equal(completionModeOf('', 'return row;'), 'next-line');
    assert.equal(completionModeOf('    ', '    return row;'), 'next-line');
    assert.equal(completionModeOf('  return ', 'row;'), 'mid-line');
    assert.equal(completionModeOf('', 'if (x) {\n  y();\n}'), 'block');
    assert.equal(completionModeOf('  if (x) ', '{\r\n  y();'), 'block');
    // A trailing line break does not make a block.
    assert.equal(completionModeOf('', 'return row;\n'), 'next-line');
  });
});
