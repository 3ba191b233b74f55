import { strict as assert } from 'node:assert';
import { DEFAULT_CLIENT_SETTINGS, enabledFor, validateClientSettings } from './clientSettings';

describe('validateClientSettings', () => {
  it('takes valid settings and fills the missing ones with defaults, with no problem', () => {
    const { settings, problems } = validateClientSettings({ confidenceThreshold: 0.7, enable: { markdown: false }, other: 1 });
    assert.deepEqual(problems, []);
    assert.equal(settings.confidenceThreshold, 0.7);
    assert.equal(settings.maxLines, DEFAULT_CLIENT_SETTINGS.maxLines);
    assert.equal(enabledFor(settings, 'markdown'), false);
    assert.equal(enabledFor(settings, 'typescript'), true);
  });

  it('replaces each wrong setting by its default and says which, what was expected and what is used', () => {
    const { settings, problems } = validateClientSettings({ confidenceThreshold: 'high', maxLines: 0, excludes: ['docs/', 3], enable: { '*': 'yes' } });
    assert.deepEqual(settings, DEFAULT_CLIENT_SETTINGS);
    assert.equal(problems.length, 4);
    assert.equal(problems[1], 'arenalab.confidenceThreshold: expected a number from 0 to 1, got "high"; using 0.5');
  });

  it('uses the defaults for a settings value that is not an object, and for none at all', () => {
    assert.deepEqual(validateClientSettings(null), { settings: DEFAULT_CLIENT_SETTINGS, problems: [] });
    const { settings, problems } = validateClientSettings([1]);
    assert.deepEqual(settings, DEFAULT_CLIENT_SETTINGS);
    assert.match(problems[0], /expected an object/);
  });
});
