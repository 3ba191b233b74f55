import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveLlmSettings } from '../../llm';
import { startForwardProxy } from '../../llm/proxyTestSupport';
import { proxyEnvironment } from '../settings/lspSettings';
import { llmFromSettings } from './llmFromSettings';

// The server's LLM client as the chat gets it: the key from the environment (which the VS Code extension fills from
// secret storage) when the settings carry none, and the proxy of the editor or the environment.
describe('llmFromSettings: key and proxy from outside the settings', function () {
  this.timeout(20_000);
  let server: http.Server;
  let baseUrl: string;
  const authorizations: (string | undefined)[] = [];

  before(async () => {
    server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        authorizations.push(request.headers.authorization);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the environment key when the settings have none, and the settings key when they have one', async () => {
    authorizations.length = 0;
    const logs: string[] = [];
    const fromEnv = llmFromSettings(resolveLlmSettings({ baseUrl, model: 'm' }), { proxy: { env: {} }, apiKey: 'sk-from-secret-storage', log: (l) => logs.push(l) });
    assert.equal(await fromEnv!.complete([{ role: 'user', content: 'q' }]), 'ok');
    const fromSettings = llmFromSettings(resolveLlmSettings({ baseUrl, model: 'm', apiKey: 'sk-from-settings' }), { proxy: { env: {} }, apiKey: 'sk-from-secret-storage', log: (l) => logs.push(l) });
    await fromSettings!.complete([{ role: 'user', content: 'q' }]);
    assert.deepEqual(authorizations, ['Bearer sk-from-secret-storage', 'Bearer sk-from-settings']);
    assert.ok(!logs.some((line) => line.includes('sk-')), logs.join('\n'));
  });

  it('goes through the proxy of the environment, says which once, and stays local with an unusable one', async () => {
    const proxy = await startForwardProxy();
    try {
      const logs: string[] = [];
      const env = proxyEnvironment({ HTTP_PROXY: proxy.url, PATH: '/usr/bin' });
      assert.deepEqual(env, { HTTP_PROXY: proxy.url });
      const llm = llmFromSettings(resolveLlmSettings({ baseUrl, model: 'proxied' }), { proxy: { env }, log: (l) => logs.push(l) });
      await llm!.complete([{ role: 'user', content: 'q' }]);
      assert.match(await proxy.handled(/^forward /), /POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
      assert.deepEqual(logs, [`the external model ${baseUrl} (proxied) is reached through the proxy ${new URL(proxy.url).host}`]);
      const unusable = llmFromSettings(resolveLlmSettings({ baseUrl, model: 'm' }), { proxy: { httpProxy: 'socks5://p:1080', env: {} }, log: (l) => logs.push(l) });
      assert.equal(unusable, undefined);
      assert.match(logs[1], /^http\.proxy: only http:\/\/ proxies are supported.*; the chat stays local$/);
    } finally {
      await proxy.stop();
    }
  });
});
