import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS, SETTINGS_SECTION } from './settings';

// The extension's manifest declares the settings VS Code shows and checks; settings.ts declares the ones the client
// and the server read. Both must say the same, setting by setting.

/** Keys that only change how the Settings editor presents a setting, not what it accepts. */
const PRESENTATION = new Set(['description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'order', 'tags', 'editPresentation']);

function withoutPresentation(schema: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !PRESENTATION.has(key)));
}

/** One line per difference between the manifest's `contributes.configuration.properties` and `settings`. */
function manifestMismatches(properties: Record<string, Record<string, unknown>>, settings: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const prefix = `${SETTINGS_SECTION}.`;
  for (const [full, schema] of Object.entries(properties)) {
    const name = full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
    if (name === undefined || !(name in settings)) {
      problems.push(`${full}: in package.json, not in protocol/src/settings.ts`);
      continue;
    }
    try {
      // Through JSON, as package.json is read: the declaration's frozen, readonly values compare as plain data.
      assert.deepStrictEqual(withoutPresentation(schema), JSON.parse(JSON.stringify(settings[name])));
    } catch {
      problems.push(`${full}: package.json ${JSON.stringify(withoutPresentation(schema))} ≠ settings.ts ${JSON.stringify(settings[name])}`);
    }
  }
  for (const name of Object.keys(settings)) {
    if (!(`${prefix}${name}` in properties)) problems.push(`${prefix}${name}: in protocol/src/settings.ts, not in package.json`);
  }
  return problems;
}

function manifestProperties(): Record<string, Record<string, unknown>> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
  };
  return manifest.contributes.configuration.properties;
}

describe('settings manifest: package.json contributes.configuration = protocol/src/settings.ts', () => {
  it('declares the same settings with the same type, default, bounds, enum and scope', () => {
    const properties = manifestProperties();
    assert.ok(Object.keys(properties).length >= 15, 'the manifest was read');
    assert.deepEqual(manifestMismatches(properties, SETTINGS), []);
  });

  it('reports a changed default, bound, type or enum, and a setting missing from either side', () => {
    const properties = manifestProperties();
    const changed = structuredClone(properties);
    changed['arenalab.confidenceThreshold'].default = 0.6;
    changed['arenalab.maxLines'].maximum = 200;
    changed['arenalab.targetPrecision'].exclusiveMinimum = 0.1;
    changed['arenalab.requestBudgetMs'].type = 'number';
    (changed['arenalab.completion.debounceMs'].anyOf as { enum?: string[] }[])[0].enum = ['automatic'];
    changed['arenalab.languages'].default = { '*': true };
    changed['arenalab.excludes'].scope = 'window';
    delete changed['arenalab.server.nodePath'].scope;
    delete changed['arenalab.llm.model'];
    changed['arenalab.brandNew'] = { type: 'boolean', default: false };
    const problems = manifestMismatches(changed, SETTINGS);
    const named = problems.map((problem) => problem.slice(0, problem.indexOf(':')));
    assert.deepEqual(named, [
      'arenalab.languages', 'arenalab.confidenceThreshold', 'arenalab.targetPrecision', 'arenalab.requestBudgetMs', 'arenalab.maxLines',
      'arenalab.excludes', 'arenalab.completion.debounceMs', 'arenalab.server.nodePath', 'arenalab.brandNew', 'arenalab.llm.model',
    ]);
    assert.match(problems[1], /"default":0\.6.*≠ settings\.ts .*"default":0\.5/);
    assert.match(problems[5], /arenalab\.excludes: package\.json .*"scope":"window".*≠ settings\.ts .*"scope":"resource"/);
  });

  it('ignores what only presents a setting (descriptions)', () => {
    const properties = manifestProperties();
    const reworded = structuredClone(properties);
    reworded['arenalab.maxLines'].description = 'Other words.';
    assert.deepEqual(manifestMismatches(reworded, SETTINGS), []);
  });
});
