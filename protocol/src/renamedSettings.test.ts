import { strict as assert } from 'node:assert';
import { applyRenamedSettings, RENAMED_SETTINGS } from './renamedSettings';
import { SETTINGS } from './settings';

describe('applyRenamedSettings: arenalab.enable → arenalab.languages', () => {
  it('renames only to settings that exist, away from names that no longer do', () => {
    for (const [oldName, newName] of Object.entries(RENAMED_SETTINGS)) {
      assert.ok(newName in SETTINGS, newName);
      assert.ok(!(oldName in SETTINGS), oldName);
    }
  });

  it("uses the old name's value when the new one is unset, and says so once", () => {
    const { values, notices } = applyRenamedSettings({ enable: { python: false }, maxLines: 3 });
    assert.deepEqual(values, { languages: { python: false }, maxLines: 3 });
    assert.equal(notices.length, 1);
    assert.match(notices[0], /arenalab\.enable is now called arenalab\.languages; your arenalab\.enable value is used/);
  });

  it('lets the new name win when both are set, and says the old one can go', () => {
    const { values, notices } = applyRenamedSettings({ enable: { python: false }, languages: { go: false } });
    assert.deepEqual(values, { languages: { go: false } });
    assert.match(notices[0], /arenalab\.languages is set too and wins/);
  });

  it('says nothing when only the new name, or neither, is set', () => {
    assert.deepEqual(applyRenamedSettings({ languages: { go: false } }), { values: { languages: { go: false } }, notices: [] });
    assert.deepEqual(applyRenamedSettings({}), { values: {}, notices: [] });
    assert.deepEqual(applyRenamedSettings({ enable: null }), { values: {}, notices: [] });
  });
});
