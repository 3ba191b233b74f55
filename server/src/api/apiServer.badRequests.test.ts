import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { fixedClock, type Cancellation } from '@arenalab/core';
import { ApiConfigError } from './apiConfigError';
import { ApiKeys } from './apiKeys';
import { ApiServer } from './apiServer';
import { SORT_QUESTION, startTestServer, TEST_KEY, type TestServer } from './apiTestSupport';
import type { ChatBackend } from './chatBackend';
import { CreatureRegistry } from './creature';
import { DEFAULT_RATE_LIMITS } from './rateLimiter';
import { ApiLog } from './requestLog';

// Bad requests sent with raw node:http, as a broken or hostile client would: every one gets an OpenAI-style error.
interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): { error: { message: string; type: string; param: string | null; code: string | null } };
}

function raw(base: string, options: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string>; chunks?: Buffer[] }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // A JSON content type unless a test says otherwise: the server refuses other bodies (415) before reading them.
    const method = options.method ?? 'POST';
    const json = method === 'POST' ? { 'content-type': 'application/json' } : {};
    const request = http.request(`${base}${options.path}`, { method, headers: { authorization: `Bearer ${TEST_KEY}`, ...json, ...options.headers } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
    });
    // A server that refuses a big upload may close before the client has written it all; the answer still counts.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of options.chunks ?? []) request.write(chunk);
    request.end(options.body);
  });
}

const chat = (body: unknown) => ({ path: '/v1/chat/completions', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const ok = { model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }] };

function assertOpenAiError(response: Raw, status: number, type: string, param: string | null, code?: string): void {
  assert.equal(response.status, status, response.text);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const { error } = response.json();
  assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'param', 'type']);
  assert.equal(error.type, type);
  assert.equal(error.param, param);
  if (code !== undefined) assert.equal(error.code, code);
  assert.ok(error.message.length > 10, 'the message says what is wrong');
}

describe('api: bad requests get OpenAI-style errors (raw HTTP)', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ maxBodyBytes: 4096 });
  });
  after(async () => t.stop());

  it('malformed JSON is a 400 invalid_json, an empty body and a non-object too', async () => {
    assertOpenAiError(await raw(t.server.url, { path: '/v1/chat/completions', body: '{"model": "team@1.0.0", "messages": [' }), 400, 'invalid_request_error', null, 'invalid_json');
    assertOpenAiError(await raw(t.server.url, { path: '/v1/chat/completions', body: '' }), 400, 'invalid_request_error', null, 'invalid_json');
    assertOpenAiError(await raw(t.server.url, { path: '/v1/completions', body: '[1, 2]' }), 400, 'invalid_request_error', null, 'invalid_json');
  });

  it('wrong types and values name the field in param', async () => {
    const cases: [unknown, string, string][] = [
      [{ model: 'team@1.0.0', messages: 'hello' }, 'messages', 'invalid_type'],
      [{ model: 'team@1.0.0' }, 'messages', 'missing_required_parameter'],
      [{ model: 'team@1.0.0', messages: [] }, 'messages', 'empty_array'],
      [{ model: 'team@1.0.0', messages: [{ role: 'wizard', content: 'hi' }] }, 'messages[0].role', 'invalid_value'],
      [{ model: 'team@1.0.0', messages: [{ role: 'user', content: 42 }] }, 'messages[0].content', 'invalid_type'],
      [{ model: 'team@1.0.0', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }, 'messages[0].content[0].type', 'unsupported_value'],
      [{ model: 'team@1.0.0', messages: [{ role: 'system', content: 'be nice' }] }, 'messages', 'invalid_value'],
      [{ ...ok, temperature: 'hot' }, 'temperature', 'invalid_type'],
      [{ ...ok, temperature: 3 }, 'temperature', 'invalid_value'],
      [{ ...ok, max_tokens: 1.5 }, 'max_tokens', 'invalid_type'],
      [{ ...ok, stream: 'yes' }, 'stream', 'invalid_type'],
      [{ ...ok, stop: [1] }, 'stop', 'invalid_type'],
      [{ ...ok, n: 2 }, 'n', 'unsupported_value'],
      [{ ...ok, stream_options: { include_usage: true } }, 'stream_options', 'invalid_value'],
      [{ ...ok, model: 7 }, 'model', 'invalid_type'],
    ];
    for (const [body, param, code] of cases) assertOpenAiError(await raw(t.server.url, chat(body)), 400, 'invalid_request_error', param, code);
    const completion = (body: unknown) => ({ path: '/v1/completions', body: JSON.stringify(body) });
    assertOpenAiError(await raw(t.server.url, completion({ model: 'workspace', prompt: [1, 2, 3] })), 400, 'invalid_request_error', 'prompt', 'invalid_type');
    assertOpenAiError(await raw(t.server.url, completion({ model: 'workspace', prompt: ['a', 'b'] })), 400, 'invalid_request_error', 'prompt', 'unsupported_value');
    assertOpenAiError(await raw(t.server.url, completion({ model: 'workspace' })), 400, 'invalid_request_error', 'prompt', 'missing_required_parameter');
    assertOpenAiError(await raw(t.server.url, completion({ model: 'workspace', prompt: 'x', suffix: false })), 400, 'invalid_request_error', 'suffix', 'invalid_type');
  });

  it('a body over the limit is a 413, whether it declares its length or streams it in chunks', async () => {
    const big = JSON.stringify({ ...ok, messages: [{ role: 'user', content: 'x'.repeat(10_000) }] });
    const declared = await raw(t.server.url, { path: '/v1/chat/completions', body: big });
    assertOpenAiError(declared, 413, 'invalid_request_error', null, 'request_too_large');
    assert.equal(declared.headers.connection, 'close');
    const chunked = await raw(t.server.url, { path: '/v1/chat/completions', headers: { 'transfer-encoding': 'chunked' }, chunks: [Buffer.alloc(3000, 32), Buffer.alloc(3000, 32)] });
    assertOpenAiError(chunked, 413, 'invalid_request_error', null, 'request_too_large');
    const fine = await raw(t.server.url, chat(ok));
    assert.equal(fine.status, 200, 'the server still answers after refusing big bodies');
  });

  it('an unknown route is a 404 and a wrong method a 405 with Allow, both OpenAI-style', async () => {
    assertOpenAiError(await raw(t.server.url, { method: 'GET', path: '/v1/engines' }), 404, 'invalid_request_error', null, 'unknown_url');
    const wrong = await raw(t.server.url, { method: 'GET', path: '/v1/chat/completions' });
    assertOpenAiError(wrong, 405, 'invalid_request_error', null, 'method_not_allowed');
    assert.equal(wrong.headers.allow, 'POST');
    assertOpenAiError(await raw(t.server.url, { method: 'DELETE', path: '/v1/models' }), 405, 'invalid_request_error', null, 'method_not_allowed');
    assertOpenAiError(await raw(t.server.url, { method: 'GET', path: '/v1/models/nope' }), 404, 'invalid_request_error', 'model', 'model_not_found');
  });

  it('a missing or malformed key is a 401 with WWW-Authenticate; /health needs none', async () => {
    const missing = await raw(t.server.url, { ...chat(ok), headers: { authorization: '' } });
    assertOpenAiError(missing, 401, 'authentication_error', null, 'missing_api_key');
    assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
    assertOpenAiError(await raw(t.server.url, { ...chat(ok), headers: { authorization: `Basic ${TEST_KEY}` } }), 401, 'authentication_error', null, 'invalid_api_key');
    const health = await raw(t.server.url, { method: 'GET', path: '/health', headers: { authorization: '' } });
    assert.equal(health.status, 200);
    const body = JSON.parse(health.text) as { status: string; uptime_s: number; creatures: { id: string; capabilities: string[] }[]; store: { ok: boolean } };
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.creatures, [{ id: 'team@1.0.0', capabilities: ['chat'] }, { id: 'workspace', capabilities: ['chat', 'completion'] }, { id: 'workspace-knowledge', capabilities: ['chat'] }]);
    assert.equal(body.store.ok, true);
    assert.match(String(health.headers['x-request-id']), /^req_/);
  });
});

describe('api: server safety', function () {
  this.timeout(30_000);
  const log = () => new ApiLog(() => undefined, true, fixedClock(0));

  it('refuses to start on a non-loopback address without API keys, and starts with them', async () => {
    const creatures = new CreatureRegistry([]);
    await assert.rejects(ApiServer.start({ host: '0.0.0.0', port: 0, creatures, keys: new ApiKeys([]), rateLimits: DEFAULT_RATE_LIMITS, log: log() }),
      (e: unknown) => e instanceof ApiConfigError && /without API keys/.test(e.message));
    const server = await ApiServer.start({ host: '0.0.0.0', port: 0, creatures, keys: new ApiKeys([TEST_KEY]), rateLimits: DEFAULT_RATE_LIMITS, log: log() });
    await server.close();
  });

  it('answers a backend crash with a 500 server_error naming the request id, never the stack, and keeps serving', async () => {
    const lines: string[] = [];
    const broken: ChatBackend = { answer: async () => { throw new Error('secret internal detail at /home/x'); } };
    const creatures = new CreatureRegistry([{ id: 'broken', created: 0, ownedBy: 'test', description: 'throws', ledgerHash: null, ledgerKind: null, chat: broken }]);
    const server = await ApiServer.start({ host: '127.0.0.1', port: 0, creatures, keys: new ApiKeys([]), rateLimits: DEFAULT_RATE_LIMITS, log: new ApiLog((line) => lines.push(line), true, fixedClock(0)) });
    try {
      const response = await raw(server.url, chat({ model: 'broken', messages: [{ role: 'user', content: 'hi' }] }));
      assertOpenAiError(response, 500, 'server_error', null, 'internal_error');
      assert.ok(!response.text.includes('secret internal detail'));
      assert.ok(response.json().error.message.includes(String(response.headers['x-request-id'])));
      assert.ok(lines.some((line) => line.includes('secret internal detail')), 'the stack goes to the log');
      assert.equal((await raw(server.url, { method: 'GET', path: '/health' })).status, 200);
    } finally {
      await server.close();
    }
  });

  it('notices a client that went away: the backend sees the cancellation, nothing is sent, the log says 499', async () => {
    let cancellation: Cancellation | undefined;
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const waiting: ChatBackend = {
      answer: async (_messages, _options, token) => {
        cancellation = token;
        started();
        await new Promise<void>((resolve) => (release = resolve));
        return { text: 'too late', confidence: 1, method: 'test', trajectoriesUsed: 0, provenance: [] };
      },
    };
    let logged: (entry: Record<string, unknown>) => void = () => undefined;
    const gone = new Promise<Record<string, unknown>>((resolve) => (logged = resolve));
    const sink = (line: string) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.status === 499) logged(entry);
    };
    const creatures = new CreatureRegistry([{ id: 'waiting', created: 0, ownedBy: 'test', description: 'waits', ledgerHash: null, ledgerKind: null, chat: waiting }]);
    const server = await ApiServer.start({ host: '127.0.0.1', port: 0, creatures, keys: new ApiKeys([]), rateLimits: DEFAULT_RATE_LIMITS, log: new ApiLog(sink, true, fixedClock(0)) });
    try {
      const request = http.request(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      request.on('error', () => undefined);
      request.end(JSON.stringify({ model: 'waiting', messages: [{ role: 'user', content: 'hi' }] }));
      await inFlight;
      assert.equal(cancellation?.isCancelled, false);
      request.destroy();
      const entry = await gone;
      assert.deepEqual([entry.route, entry.error, entry.creature], ['/v1/chat/completions', 'client_closed', 'waiting']);
      assert.equal(cancellation?.isCancelled, true, 'the backend can stop early');
      release();
      assert.equal((await raw(server.url, { method: 'GET', path: '/health' })).status, 200);
    } finally {
      await server.close();
    }
  });

  it('on close, stops accepting but lets the request in flight finish', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const slow: ChatBackend = {
      answer: async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        return { text: 'done', confidence: 1, method: 'test', trajectoriesUsed: 0, provenance: [] };
      },
    };
    const creatures = new CreatureRegistry([{ id: 'slow', created: 0, ownedBy: 'test', description: 'waits', ledgerHash: null, ledgerKind: null, chat: slow }]);
    const server = await ApiServer.start({ host: '127.0.0.1', port: 0, creatures, keys: new ApiKeys([]), rateLimits: DEFAULT_RATE_LIMITS, log: log() });
    const url = server.url;
    const answer = raw(url, chat({ model: 'slow', messages: [{ role: 'user', content: 'hi' }] }));
    await inFlight;
    const closed = server.close(30_000);
    await assert.rejects(raw(url, { method: 'GET', path: '/health' }), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
    release();
    const response = await answer;
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.text).choices[0].message.content, 'done');
    await closed;
  });
});
