import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError } from '@arenalab/core';
import { LlmError } from './llmError';
import { resolveLlmSettings, type LlmSettings } from './llmSettings';
import { OpenAiCompatibleClient } from './openAiCompatibleClient';

interface Received {
  url?: string;
  authorization?: string;
  body?: { model: string; messages: { role: string; content: string }[]; stream: boolean; max_tokens: number };
}

type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A real HTTP server speaking the OpenAI chat-completions format; each test sets how it behaves. */
function startServer(): Promise<{ server: http.Server; baseUrl: string; received: Received; behave: (b: Behaviour) => void }> {
  const received: Received = {};
  let behaviour: Behaviour = () => undefined;
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.url = request.url;
      received.authorization = request.headers.authorization;
      received.body = JSON.parse(text);
      behaviour(request, response);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}/v1/`, received, behave: (b) => (behaviour = b) });
    }),
  );
}

const reply = (content: unknown) => (_: http.IncomingMessage, response: http.ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
};

const settingsFor = (baseUrl: string, extra: Partial<Parameters<typeof resolveLlmSettings>[0]> = {}): LlmSettings =>
  resolveLlmSettings({ baseUrl, model: 'tiny-test-model', apiKey: 'test-key-123', ...extra })!;

describe('llm: OpenAiCompatibleClient against a local OpenAI-format HTTP server', () => {
  let peer: Awaited<ReturnType<typeof startServer>>;
  const messages = [{ role: 'system', content: 'merge answers' }, { role: 'user', content: 'tabs or spaces?' }];

  before(async () => {
    peer = await startServer();
  });
  after(() => new Promise<void>((resolve) => peer.server.close(() => resolve())));
  afterEach(() => peer.server.closeAllConnections());

  it('sends no secret: a key or password in the question or a retrieved answer leaves redacted', async () => {
    peer.behave(reply('Rotate it.'));
    const client = new OpenAiCompatibleClient(settingsFor(peer.baseUrl));
    const keyId = 'AKIA' + 'Q3EGRT5MXJ7KZP2W';
    await client.complete([
      { role: 'system', content: `merge these answers:\n1. export AWS_ACCESS_KEY_ID=${keyId}` },
      { role: 'user', content: 'why does login fail with password=Tr0ub4dor&3xyz?' },
    ]);
    const sent = JSON.stringify(peer.received.body);
    assert.ok(!sent.includes(keyId), sent);
    assert.ok(!sent.includes('Tr0ub4dor&3xyz'), sent);
    assert.match(sent, /<redacted:[a-z_]+>/);
  });

  it('POSTs the messages to {baseUrl}/chat/completions with the model and bearer key, and returns the reply', async () => {
    peer.behave(reply('Mostly spaces; some prefer tabs.'));
    const client = new OpenAiCompatibleClient(settingsFor(peer.baseUrl));
    assert.equal(await client.complete(messages), 'Mostly spaces; some prefer tabs.');
    assert.equal(peer.received.url, '/v1/chat/completions');
    assert.equal(peer.received.authorization, 'Bearer test-key-123');
    assert.deepEqual(peer.received.body?.messages, messages);
    assert.equal(peer.received.body?.model, 'tiny-test-model');
    assert.equal(peer.received.body?.stream, false);
    assert.equal(client.id, `${peer.baseUrl.replace(/\/$/, '')} (tiny-test-model)`);
  });

  it('sends no Authorization header without a key', async () => {
    peer.behave(reply('ok'));
    await new OpenAiCompatibleClient(settingsFor(peer.baseUrl, { apiKey: '' })).complete(messages);
    assert.equal(peer.received.authorization, undefined);
  });

  it('reports an HTTP error status with the server’s message, without the key', async () => {
    peer.behave((_, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    });
    const error = await new OpenAiCompatibleClient(settingsFor(peer.baseUrl)).complete(messages).catch((e: unknown) => e);
    assert.ok(error instanceof LlmError);
    assert.equal(error.code, 'LLM_HTTP_STATUS');
    assert.match(error.message, /^HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: Incorrect API key provided$/);
    assert.ok(!error.message.includes('test-key-123'));
  });

  it('rejects a reply that is not JSON or has no message content', async () => {
    peer.behave((_, response) => response.end('<html>proxy error</html>'));
    await assert.rejects(new OpenAiCompatibleClient(settingsFor(peer.baseUrl)).complete(messages), (e: LlmError) => e.code === 'LLM_BAD_RESPONSE' && /did not answer with JSON: <html>/.test(e.message));
    peer.behave(reply(null));
    await assert.rejects(new OpenAiCompatibleClient(settingsFor(peer.baseUrl)).complete(messages), /without choices\[0\]\.message\.content/);
  });

  it('times out a server that never answers', async () => {
    peer.behave(() => undefined);
    const client = new OpenAiCompatibleClient(settingsFor(peer.baseUrl, { timeoutMs: 100 }));
    await assert.rejects(client.complete(messages), (e: LlmError) => e.code === 'LLM_TIMEOUT' && /within 100 ms/.test(e.message));
  });

  it('aborts the request when the caller cancels', async () => {
    const token = { isCancelled: false };
    peer.behave(() => (token.isCancelled = true));
    await assert.rejects(new OpenAiCompatibleClient(settingsFor(peer.baseUrl)).complete(messages, token), CancelledError);
  });

  it('says clearly when nothing listens at the URL', async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    await assert.rejects(new OpenAiCompatibleClient(settingsFor(baseUrl)).complete(messages), (e: LlmError) => e.code === 'LLM_UNREACHABLE' && /cannot reach .*ECONNREFUSED/.test(e.message));
  });
});

describe('llm: settings', () => {
  it('no base URL means no LLM; malformed settings are errors naming the setting', () => {
    assert.equal(resolveLlmSettings({}), undefined);
    assert.equal(resolveLlmSettings({ baseUrl: '  ' }), undefined);
    assert.throws(() => resolveLlmSettings({ baseUrl: 'localhost:8080', model: 'm' }), /arenalab\.llm\.baseUrl: must be http or https/);
    assert.throws(() => resolveLlmSettings({ baseUrl: 'not a url', model: 'm' }), /arenalab\.llm\.baseUrl: not a URL/);
    assert.throws(() => resolveLlmSettings({ baseUrl: 'http://x/v1' }), /arenalab\.llm\.model: required/);
    assert.throws(() => resolveLlmSettings({ baseUrl: 'http://x/v1', model: 'm', timeoutMs: 0 }), /timeoutMs/);
    assert.deepEqual(resolveLlmSettings({ baseUrl: 'http://x/v1//', model: 'm' }), { baseUrl: 'http://x/v1', model: 'm', timeoutMs: 30000, maxTokens: 300, temperature: 0.2 });
  });
});
