import { strict as assert } from 'node:assert';
import { fixedClock } from '@arenalab/core';
import OpenAI from 'openai';
import { keyIdOf } from './apiKeys';
import { HANDLER_PREFIX, SORT_QUESTION, startTestServer, TEST_KEY, type TestServer } from './apiTestSupport';

// The official openai npm client, as a user's program would use it, against the real server on a loopback port.
type Arenalab = { confidence: number; trajectories_used: number; method: string; ledger_hash: string | null; ledger_kind: string | null; provenance: Record<string, unknown>[] };

describe('api: the official openai client against arenalab serve', function () {
  this.timeout(60_000);
  let t: TestServer;
  let client: OpenAI;
  before(async () => {
    t = await startTestServer();
    client = new OpenAI({ apiKey: TEST_KEY, baseURL: `${t.server.url}/v1`, maxRetries: 0 });
  });
  after(async () => t.stop());

  it('lists the creatures: the dataset as a chat creature, the workspace creature (completion and chat) and the workspace knowledge creature', async () => {
    const models: OpenAI.Models.Model[] = [];
    for await (const model of client.models.list()) models.push(model);
    assert.deepEqual(models.map((m) => m.id), ['team@1.0.0', 'workspace', 'workspace-knowledge']);
    assert.ok(models.every((m) => m.object === 'model' && m.owned_by === 'arenalab' && Number.isInteger(m.created)));
    const one = await client.models.retrieve('team@1.0.0');
    assert.equal(one.id, 'team@1.0.0');
  });

  it('answers a chat question from the dataset, with confidence, method and the dataset Merkle root as ledger hash', async () => {
    const completion = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }] });
    assert.equal(completion.object, 'chat.completion');
    assert.match(completion.id, /^chatcmpl-/);
    assert.equal(completion.model, 'team@1.0.0');
    const choice = completion.choices[0];
    assert.equal(choice.message.role, 'assistant');
    assert.match(choice.message.content ?? '', /nums\.sort\(\(a, b\) => a - b\)/);
    assert.equal(choice.finish_reason, 'stop');
    const extra = (completion as unknown as { arenalab: Arenalab }).arenalab;
    assert.equal(extra.ledger_hash, t.dataset.merkle_root);
    assert.equal(extra.ledger_kind, 'dataset_merkle_root');
    assert.equal(extra.method, 'majority', 'the ChatEngine answers: the answers of the similar past questions agree');
    assert.ok(extra.confidence > 0.4 && extra.confidence <= 1, `confidence ${extra.confidence}`);
    assert.ok(extra.trajectories_used >= 1);
    assert.equal(extra.provenance.length, extra.trajectories_used);
    assert.deepEqual(completion.usage, {
      prompt_tokens: Math.ceil(SORT_QUESTION.length / 4),
      completion_tokens: Math.ceil((choice.message.content ?? '').length / 4),
      total_tokens: Math.ceil(SORT_QUESTION.length / 4) + Math.ceil((choice.message.content ?? '').length / 4),
    });
  });

  it('says honestly when it has nothing to go on (no_match, confidence 0)', async () => {
    const completion = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: 'zebra quantum marmalade?' }] });
    const extra = (completion as unknown as { arenalab: Arenalab }).arenalab;
    assert.equal(extra.method, 'no_match');
    assert.equal(extra.confidence, 0);
    assert.equal(extra.trajectories_used, 0);
    assert.match(completion.choices[0].message.content ?? '', /^I don't know/);
  });

  it('answers a calculation with the calculator tool, the tool named in the provenance', async () => {
    const completion = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: 'what is 17 * 23' }] });
    assert.match(completion.choices[0].message.content ?? '', /17 \* 23 = 391/);
    const extra = (completion as unknown as { arenalab: Arenalab }).arenalab;
    assert.equal(extra.method, 'tool_synthesis');
    assert.deepEqual(extra.provenance, [{ spanId: 'tool', similarity: 1, tool: 'calculator', args: { expression: '17 * 23' }, success: true }]);
  });

  it('streams the same chat answer as chat.completion.chunk events ending with finish_reason and the arenalab block', async () => {
    const whole = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }] });
    const stream = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    assert.ok(chunks.length > 3, 'the answer arrives in pieces');
    assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id));
    assert.equal(text, whole.choices[0].message.content);
    const last = chunks.at(-2)!;
    assert.equal(last.choices[0].finish_reason, 'stop');
    assert.equal((last as unknown as { arenalab: Arenalab }).arenalab.ledger_hash, t.dataset.merkle_root);
    assert.deepEqual(chunks.at(-1)!.choices, []);
    assert.deepEqual(chunks.at(-1)!.usage, whole.usage);
  });

  it('cuts at max_tokens and stop, and says so in finish_reason', async () => {
    const short = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }], max_tokens: 3 });
    assert.equal(short.choices[0].finish_reason, 'length');
    assert.equal((short.choices[0].message.content ?? '').length, 12);
    const stopped = await client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }], stop: ['compare'] });
    assert.equal(stopped.choices[0].message.content, 'Use Array.prototype.sort with a ');
    assert.equal(stopped.choices[0].finish_reason, 'stop');
  });

  it('completes code from the workspace creature, with the store-less ledger said plainly', async () => {
    const completion = await client.completions.create({ model: 'workspace', prompt: HANDLER_PREFIX, suffix: '}\n' });
    assert.equal(completion.object, 'text_completion');
    assert.equal(completion.choices[0].text, '  return respond(body);');
    assert.equal(completion.choices[0].finish_reason, 'stop');
    const extra = (completion as unknown as { arenalab: Arenalab }).arenalab;
    assert.ok(extra.confidence >= 0.5, `confidence ${extra.confidence}`);
    assert.equal(extra.ledger_hash, null, 'the temporary store has no span log');
    assert.ok(extra.provenance.length > 0 && extra.provenance.every((p) => /^lib\/(alpha|beta|gamma)\.ts$/.test(String(p.file)) && p.line === 4));
  });

  it('streams a code completion as text_completion events', async () => {
    const stream = await client.completions.create({ model: 'workspace', prompt: HANDLER_PREFIX, stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      assert.equal(chunk.object, 'text_completion');
    }
    assert.equal(text, '  return respond(body);');
    assert.equal(finish, 'stop');
  });

  it('raises the client errors users catch: wrong key 401, unknown model 404, a wrong type 400 naming the field', async () => {
    const stranger = new OpenAI({ apiKey: 'sk-wrong-key-000000', baseURL: `${t.server.url}/v1`, maxRetries: 0 });
    await assert.rejects(stranger.models.list(), (e: unknown) => e instanceof OpenAI.AuthenticationError && e.status === 401 && e.code === 'invalid_api_key');
    await assert.rejects(client.chat.completions.create({ model: 'gpt-4', messages: [{ role: 'user', content: 'hi' }] }),
      (e: unknown) => e instanceof OpenAI.NotFoundError && e.code === 'model_not_found' && e.param === 'model' && /team@1\.0\.0/.test(e.message));
    await assert.rejects(client.chat.completions.create({ model: 'team@1.0.0', messages: [{ role: 'user', content: 'hi' }], temperature: 'hot' as unknown as number }),
      (e: unknown) => e instanceof OpenAI.BadRequestError && e.param === 'temperature' && e.type === 'invalid_request_error');
    await assert.rejects(client.completions.create({ model: 'team@1.0.0', prompt: 'x' }), (e: unknown) => e instanceof OpenAI.BadRequestError && e.code === 'model_not_supported');
  });

  it('logs one JSON line per request with its key id, never the key', () => {
    const entries = t.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const chat = entries.find((e) => e.route === '/v1/chat/completions' && e.status === 200);
    assert.ok(chat, 'a chat request was logged');
    assert.equal(chat.key_id, keyIdOf(TEST_KEY));
    assert.equal(chat.creature, 'team@1.0.0');
    assert.match(String(chat.request_id), /^req_[0-9a-f]{16}$/);
    assert.equal(typeof chat.latency_ms, 'number');
    assert.ok(entries.some((e) => e.status === 401 && e.key_id === null));
    assert.ok(t.logLines.every((line) => !line.includes(TEST_KEY) && !line.includes('sk-wrong-key')));
  });

  it('counts requests, tokens and refusals in /metrics (Prometheus text)', async () => {
    const response = await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /^# TYPE arenalab_api_requests_total counter$/m);
    assert.match(text, /^arenalab_api_requests_total\{method="POST",route="\/v1\/completions",status="200"\} 2$/m);
    assert.match(text, /^arenalab_api_requests_total\{method="GET",route="\/v1\/models",status="401"\} 1$/m);
    assert.match(text, /^arenalab_api_request_duration_seconds_bucket\{le="\+Inf",route="\/v1\/completions"\} 3$/m);
    assert.match(text, /^arenalab_api_tokens_total\{creature="workspace",kind="completion"\} 12$/m);
    assert.match(text, /^arenalab_api_creatures\{kind="chat"\} 3$/m);
  });
});

describe('api: per-key rate limits through the openai client', function () {
  this.timeout(60_000);
  it('refuses the third request of a minute with 429 and Retry-After, and serves again when the window has passed', async () => {
    const clock = fixedClock(Date.UTC(2026, 0, 1));
    const t = await startTestServer({ clock, rateLimits: { perMinute: 2, perDay: 10_000 } });
    try {
      const client = new OpenAI({ apiKey: TEST_KEY, baseURL: `${t.server.url}/v1`, maxRetries: 0 });
      const first = await client.models.list().withResponse();
      assert.equal(first.response.headers.get('x-ratelimit-remaining-requests'), '1');
      assert.equal(first.response.headers.get('x-ratelimit-limit-requests-day'), '10000');
      await client.models.list();
      clock.advance(15_000);
      await assert.rejects(client.models.list(), (e: unknown) =>
        e instanceof OpenAI.RateLimitError && e.status === 429 && e.code === 'rate_limit_exceeded' && e.headers.get('retry-after') === '45');
      clock.advance(45_000);
      const again = await client.models.list().withResponse();
      assert.equal(again.response.headers.get('x-ratelimit-remaining-requests'), '1');
      const metrics = await (await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).text();
      assert.match(metrics, new RegExp(`^arenalab_api_rate_limited_total\\{key_id="${keyIdOf(TEST_KEY)}"\\} 1$`, 'm'));
    } finally {
      await t.stop();
    }
  });
});
