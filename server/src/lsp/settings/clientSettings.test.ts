import { strict as assert } from 'node:assert';
import { DEFAULT_COMPLETION_ENGINE_CONFIG, DEFAULT_UNCERTAINTY_MAP_CONFIG } from '@arenalab/core';
import { SETTINGS } from '@arenalab/protocol';
import { DEFAULT_CLIENT_SETTINGS, enabledFor, validateClientSettings } from './clientSettings';

describe('validateClientSettings', () => {
  it('takes valid settings and fills the missing ones with defaults, with no problem', () => {
    const { settings, problems } = validateClientSettings({ confidenceThreshold: 0.7, languages: { markdown: false }, other: 1 });
    assert.deepEqual(problems, []);
    assert.equal(settings.confidenceThreshold, 0.7);
    assert.equal(settings.maxLines, DEFAULT_CLIENT_SETTINGS.maxLines);
    assert.equal(enabledFor(settings, 'markdown'), false);
    assert.equal(enabledFor(settings, 'typescript'), true);
  });

  it('replaces each wrong setting by its default and says which, what was expected and what is used', () => {
    const { settings, problems } = validateClientSettings({ confidenceThreshold: 'high', maxLines: 0, excludes: ['docs/', 3], languages: { '*': 'yes' } });
    assert.deepEqual(settings, DEFAULT_CLIENT_SETTINGS);
    assert.equal(problems.length, 4);
    assert.equal(problems[1], 'arenalab.confidenceThreshold: expected a number from 0 to 1, got "high"; using 0.5');
  });

  it('uses the defaults for a settings value that is not an object, and for none at all', () => {
    assert.deepEqual(validateClientSettings(null), { settings: DEFAULT_CLIENT_SETTINGS, problems: [], notices: [] });
    const { settings, problems } = validateClientSettings([1]);
    assert.deepEqual(settings, DEFAULT_CLIENT_SETTINGS);
    assert.match(problems[0], /expected an object/);
  });
});

describe('validateClientSettings: the declared defaults', () => {
  it('suggests in every language but markdown and plain text when arenalab.languages is not sent', () => {
    const { settings } = validateClientSettings({});
    assert.deepEqual(settings.languages, { '*': true, markdown: false, plaintext: false });
    assert.equal(enabledFor(settings, 'markdown'), false);
    assert.equal(enabledFor(settings, 'plaintext'), false);
    assert.equal(enabledFor(settings, 'python'), true);
  });

  it('lays a sent arenalab.languages over the declared default, as VS Code merges an object setting', () => {
    const { settings } = validateClientSettings({ languages: { python: false, markdown: true } });
    assert.deepEqual(settings.languages, { '*': true, markdown: true, plaintext: false, python: false });
  });

  it('takes every default from the settings declaration', () => {
    assert.deepEqual(DEFAULT_CLIENT_SETTINGS, {
      languages: SETTINGS.languages.default, confidenceThreshold: SETTINGS.confidenceThreshold.default, maxLines: SETTINGS.maxLines.default,
      excludes: SETTINGS.excludes.default, store: {}, requestBudgetMs: SETTINGS.requestBudgetMs.default, targetPrecision: SETTINGS.targetPrecision.default,
      recording: { enabled: SETTINGS['recording.enabled'].default },
    });
  });

  it('takes arenalab.recording.enabled as a boolean and reports anything else', () => {
    assert.deepEqual(validateClientSettings({ recording: { enabled: false } }).settings.recording, { enabled: false });
    const wrong = validateClientSettings({ recording: { enabled: 'no' } });
    assert.deepEqual(wrong.settings.recording, { enabled: true });
    assert.match(wrong.problems.join('\n'), /^arenalab\.recording: expected an object \{ "enabled": true or false \}/);
  });

  it("leaves the engine's and the uncertainty map's own show threshold equal to arenalab.confidenceThreshold's default", () => {
    assert.equal(DEFAULT_COMPLETION_ENGINE_CONFIG.showThreshold, SETTINGS.confidenceThreshold.default);
    assert.equal(DEFAULT_UNCERTAINTY_MAP_CONFIG.showThreshold, SETTINGS.confidenceThreshold.default);
  });
});

describe('validateClientSettings: arenalab.enable, the old name of arenalab.languages', () => {
  it("reads the old name when the new one is not sent, with a notice and no problem", () => {
    const { settings, problems, notices } = validateClientSettings({ enable: { python: false } });
    assert.deepEqual(problems, []);
    assert.equal(enabledFor(settings, 'python'), false);
    assert.equal(enabledFor(settings, 'go'), true);
    assert.equal(notices.length, 1);
    assert.match(notices[0], /arenalab\.enable is now called arenalab\.languages/);
  });

  it('lets the new name win over the old one', () => {
    const { settings, notices } = validateClientSettings({ enable: { python: false }, languages: { python: true } });
    assert.equal(enabledFor(settings, 'python'), true);
    assert.match(notices[0], /arenalab\.languages is set too and wins/);
  });

  it('checks an old value like a new one', () => {
    const { problems } = validateClientSettings({ enable: { python: 'no' } });
    assert.match(problems[0], /^arenalab\.languages: expected an object of language id/);
  });
});

describe('validateClientSettings: arenalab.llm', () => {
  it('takes an endpoint and model, keeps the key, and stays local without a base URL', () => {
    const { settings, problems } = validateClientSettings({ llm: { baseUrl: 'http://127.0.0.1:11434/v1/', model: 'llama3', apiKey: 'sk-test' } });
    assert.deepEqual(problems, []);
    assert.equal(settings.llm?.baseUrl, 'http://127.0.0.1:11434/v1');
    assert.equal(settings.llm?.apiKey, 'sk-test');
    assert.equal(validateClientSettings({ llm: { baseUrl: '', model: 'x' } }).settings.llm, undefined);
  });

  it('reports a wrong LLM setting by name without ever echoing the API key', () => {
    const secret = 'sk-abcdefghijklmnopqrstuvwxyz123456';
    const noModel = validateClientSettings({ llm: { baseUrl: 'http://localhost:1/v1', apiKey: secret } });
    assert.equal(noModel.settings.llm, undefined);
    assert.match(noModel.problems[0], /arenalab\.llm\.model: required .*the chat stays local/);
    const wrongType = validateClientSettings({ llm: { baseUrl: 'http://localhost:1/v1', model: 'm', apiKey: 42 } });
    assert.match(wrongType.problems[0], /arenalab\.llm\.apiKey: expected a string/);
    const badUrl = validateClientSettings({ llm: { baseUrl: 'ftp://x', model: 'm', apiKey: secret } });
    assert.match(badUrl.problems[0], /arenalab\.llm\.baseUrl: must be http or https/);
    for (const problem of [...noModel.problems, ...badUrl.problems]) assert.doesNotMatch(problem, /sk-abc/);
  });
});
