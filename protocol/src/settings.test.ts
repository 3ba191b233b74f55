import { strict as assert } from 'node:assert';
import { boundsText, SETTINGS, withinBounds } from './settings';

describe('settings: bounds', () => {
  it('takes a finite number within the inclusive bounds, and the bounds themselves', () => {
    const { confidenceThreshold } = SETTINGS;
    assert.equal(withinBounds(0, confidenceThreshold), true);
    assert.equal(withinBounds(1, confidenceThreshold), true);
    assert.equal(withinBounds(0.5, confidenceThreshold), true);
    for (const wrong of [-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY, '0.5', null, undefined]) {
      assert.equal(withinBounds(wrong, confidenceThreshold), false, String(wrong));
    }
  });

  it('refuses the exclusive minimum itself', () => {
    assert.equal(withinBounds(0, SETTINGS.targetPrecision), false);
    assert.equal(withinBounds(0.01, SETTINGS.targetPrecision), true);
    assert.equal(withinBounds(1, SETTINGS.targetPrecision), true);
  });

  it('says the bounds in words', () => {
    assert.equal(boundsText(SETTINGS.maxLines), 'from 1 to 100');
    assert.equal(boundsText(SETTINGS.targetPrecision), 'above 0 and at most 1');
    assert.equal(boundsText({ minimum: 3 }), 'at least 3');
    assert.equal(boundsText({ maximum: 3 }), 'at most 3');
  });

  it('cannot be changed by a reader', () => {
    assert.throws(() => { (SETTINGS.languages.default as Record<string, boolean>).markdown = true; }, TypeError);
    assert.equal(SETTINGS.languages.default.markdown, false);
  });
});
