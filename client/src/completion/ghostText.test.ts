import { strict as assert } from 'node:assert';
import { ghostText } from './ghostText';

describe('ghostText', () => {
  it('is the insert text after what is already typed in the item range', () => {
    assert.equal(ghostText("logger.info('x');", 'logger'), ".info('x');");
    assert.equal(ghostText('return x;', ''), 'return x;');
  });

  it('is undefined when the typed part does not start the insert text, or nothing remains', () => {
    assert.equal(ghostText('logger.info();', 'log.'), undefined);
    assert.equal(ghostText('logger', 'logger'), undefined);
    assert.equal(ghostText('', ''), undefined);
  });
});
