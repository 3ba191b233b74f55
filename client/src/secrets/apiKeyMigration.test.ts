import { strict as assert } from 'node:assert';
import { planApiKeyMigration } from './apiKeyMigration';

describe('planApiKeyMigration: arenalab.llm.apiKey out of settings.json', () => {
  it('does nothing when no level holds a key', () => {
    assert.deepEqual(planApiKeyMigration({}, undefined), { removeFrom: [] });
    assert.deepEqual(planApiKeyMigration({}, 'sk-stored'), { removeFrom: [] });
  });

  it('stores the key found, removes it from settings and says so without the key', () => {
    const plan = planApiKeyMigration({ globalValue: ' sk-user-123 ' }, undefined);
    assert.equal(plan.store, 'sk-user-123');
    assert.deepEqual(plan.removeFrom, ['global']);
    assert.match(plan.message!, /moved the LLM API key from your user settings .* into the editor's secret storage/);
    assert.ok(!plan.message!.includes('sk-user'));
  });

  it('takes the most specific level and clears every level', () => {
    const plan = planApiKeyMigration({ globalValue: 'sk-user', workspaceValue: 'sk-workspace' }, undefined);
    assert.equal(plan.store, 'sk-workspace');
    assert.deepEqual(plan.removeFrom, ['workspace', 'global']);
    assert.match(plan.message!, /workspace settings and user settings/);
  });

  it('keeps a key already in secret storage and only removes the settings copy', () => {
    const plan = planApiKeyMigration({ globalValue: 'sk-old' }, 'sk-new');
    assert.equal(plan.store, undefined);
    assert.deepEqual(plan.removeFrom, ['global']);
    assert.match(plan.message!, /already kept in the editor's secret storage is used/);
  });

  it('removes an empty or wrong-typed value quietly', () => {
    assert.deepEqual(planApiKeyMigration({ globalValue: '' }, undefined), { removeFrom: ['global'] });
    assert.deepEqual(planApiKeyMigration({ workspaceValue: 42 }, undefined), { removeFrom: ['workspace'] });
  });
});
