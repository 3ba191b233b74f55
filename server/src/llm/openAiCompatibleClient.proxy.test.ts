import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { LlmError } from './llmError';
import { resolveLlmSettings } from './llmSettings';
import { OpenAiCompatibleClient } from './openAiCompatibleClient';
import { startForwardProxy } from './proxyTestSupport';
import type { ForwardProxy } from './proxyTestSupport';

// A real proxy process on 127.0.0.1 between the client and a local OpenAI-format server: the proxy's own log proves
// the call went through it.
const messages = [{ role: 'user', content: 'tabs or spaces?' }];

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

describe('llm: OpenAiCompatibleClient through a proxy', function () {
  this.timeout(20_000);
  let llm: http.Server;
  let llmPort: number;
  const seen: { url?: string; host?: string; authorization?: string; proxyAuthorization?: string }[] = [];

  before(async () => {
    llm = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        seen.push({ url: request.url, host: request.headers.host, authorization: request.headers.authorization, proxyAuthorization: request.headers['proxy-authorization'] as string | undefined });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'spaces, through the proxy' } }] }));
      });
    });
    llmPort = await listen(llm);
  });
  after(() => new Promise<void>((resolve) => llm.close(() => resolve())));

  describe('a proxy without authentication', () => {
    let proxy: ForwardProxy;
    before(async () => {
      proxy = await startForwardProxy();
    });
    after(async () => proxy.stop());

    it('sends an http call through HTTP_PROXY, in absolute form, with the key reaching only the target', async () => {
      seen.length = 0;
      const settings = resolveLlmSettings({ baseUrl: `http://127.0.0.1:${llmPort}/v1`, model: 'm', apiKey: 'sk-proxy-test' })!;
      const client = new OpenAiCompatibleClient(settings, { env: { HTTP_PROXY: proxy.url } });
      assert.equal(client.proxyHost, new URL(proxy.url).host);
      assert.equal(await client.complete(messages), 'spaces, through the proxy');
      assert.equal(await proxy.handled(/^forward /), `forward POST http://127.0.0.1:${llmPort}/v1/chat/completions`);
      assert.deepEqual(seen, [{ url: '/v1/chat/completions', host: `127.0.0.1:${llmPort}`, authorization: 'Bearer sk-proxy-test', proxyAuthorization: undefined }]);
    });

    it("prefers the editor's http.proxy to the environment, and NO_PROXY sends it direct", async () => {
      const settings = resolveLlmSettings({ baseUrl: `http://127.0.0.1:${llmPort}/v1`, model: 'm' })!;
      const before = proxy.lines.length;
      const viaSetting = new OpenAiCompatibleClient(settings, { httpProxy: proxy.url, env: { HTTP_PROXY: 'http://127.0.0.1:1' } });
      assert.equal(await viaSetting.complete(messages), 'spaces, through the proxy');
      assert.equal(proxy.lines.length, before + 1);
      const direct = new OpenAiCompatibleClient(settings, { httpProxy: proxy.url, env: { NO_PROXY: '127.0.0.1' } });
      assert.equal(direct.proxyHost, undefined);
      assert.equal(await direct.complete(messages), 'spaces, through the proxy');
      assert.equal(proxy.lines.length, before + 1, 'the direct call did not pass the proxy');
    });

    it('tunnels an https call with CONNECT, and TLS runs end to end with the target (the proxy sees no request)', async () => {
      // The target's first bytes are the client's TLS hello, relayed unread by the tunnel: no certificate is needed
      // to prove the TLS session starts at the target; the target then hangs up and the call fails as unreachable.
      const firstBytes: Buffer[] = [];
      const sockets: net.Socket[] = [];
      const tlsTarget = net.createServer((socket) => {
        sockets.push(socket);
        socket.once('data', (chunk: Buffer) => { firstBytes.push(chunk); socket.destroy(); });
      });
      const port = await listen(tlsTarget);
      try {
        const settings = resolveLlmSettings({ baseUrl: `https://localhost:${port}/v1`, model: 'm', apiKey: 'sk-never-seen-by-proxy' })!;
        const client = new OpenAiCompatibleClient(settings, { env: { HTTPS_PROXY: proxy.url } });
        await assert.rejects(client.complete(messages), (e: LlmError) => e.code === 'LLM_UNREACHABLE' && e.message.includes(`through the proxy ${new URL(proxy.url).host}`));
        assert.equal(await proxy.handled(/^tunnel /), `tunnel CONNECT localhost:${port}`);
        assert.equal(firstBytes[0]?.[0], 0x16, 'a TLS handshake record arrived at the target');
        assert.ok(firstBytes[0].includes(Buffer.from('localhost')), 'with the target name as SNI');
        assert.ok(!proxy.lines.some((line) => line.includes('sk-never-seen')));
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => tlsTarget.close(() => resolve()));
      }
    });
  });

  describe('a proxy that wants credentials', () => {
    let proxy: ForwardProxy;
    before(async () => {
      proxy = await startForwardProxy({ credentials: 'alice:s3cret' });
    });
    after(async () => proxy.stop());

    it('sends the credentials of the proxy URL to the proxy only, and never shows them in an error', async () => {
      seen.length = 0;
      const settings = resolveLlmSettings({ baseUrl: `http://127.0.0.1:${llmPort}/v1`, model: 'm' })!;
      const withCredentials = proxy.url.replace('http://', 'http://alice:s3cret@');
      assert.equal(await new OpenAiCompatibleClient(settings, { env: { HTTP_PROXY: withCredentials } }).complete(messages), 'spaces, through the proxy');
      assert.equal(seen[0]?.proxyAuthorization, undefined, 'the proxy kept its credentials to itself');
      const wrong = proxy.url.replace('http://', 'http://alice:wrong@');
      await assert.rejects(new OpenAiCompatibleClient(settings, { env: { HTTP_PROXY: wrong } }).complete(messages), (e: LlmError) => e.code === 'LLM_HTTP_STATUS' && /^HTTP 407/.test(e.message) && !e.message.includes('wrong'));
      assert.match(await proxy.handled(/^refused /), /^refused POST http:\/\/127\.0\.0\.1/);
      const tunnelled = new OpenAiCompatibleClient(resolveLlmSettings({ baseUrl: 'https://localhost:1/v1', model: 'm' })!, { env: { HTTPS_PROXY: wrong } });
      await assert.rejects(tunnelled.complete(messages), (e: LlmError) => e.code === 'LLM_UNREACHABLE' && /answered CONNECT with HTTP 407/.test(e.message) && !e.message.includes('wrong'));
    });
  });
});
