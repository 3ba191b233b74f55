import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { outgoingCode, outgoingMessages } from '../creatures';
import { HANDLER_PREFIX, startServe, writeTinyWorkspace, type RunningServe } from './apiTestSupport';

// An external creature is any OpenAI-compatible server; here it is a second real `arenalab serve` (A), configured
// on the first (B) with --llm-base-url, as a user would point ArenaLab at Ollama or a llama.cpp server.
async function post(serve: RunningServe, route: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${serve.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text) as Record<string, unknown>;
}

const requestsTo = (serve: RunningServe) => serve.logs.filter((entry) => entry.msg === 'request').length;

describe('arenalab serve --llm-base-url: an external creature for chat and code (two real processes)', function () {
  this.timeout(180_000);
  let dir: string;
  let endpoint: RunningServe;
  let served: RunningServe;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-external-'));
    writeTinyWorkspace(path.join(dir, 'ws'));
    endpoint = await startServe(['--workspace', path.join(dir, 'ws'), '--store', path.join(dir, 'a-store'), '--rate-per-minute', '0'], {});
    served = await startServe(['--store', path.join(dir, 'b-store'), '--llm-base-url', `${endpoint.url}/v1`, '--llm-model', 'workspace', '--llm-timeout-ms', '60000', '--rate-per-minute', '0'], { ARENALAB_LLM_BASE_URL: '', ARENALAB_LLM_MODEL: '' });
  });

  after(async () => {
    for (const serve of [served, endpoint]) {
      serve?.kill('SIGTERM');
      await serve?.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is listed by /v1/models for chat and completion, and nothing is sent to it until a request names it', async () => {
    type Model = { id: string; owned_by: string; arenalab: { capabilities: string[] } };
    const listed = ((await (await fetch(`${served.url}/v1/models`)).json()) as { data: Model[] }).data;
    assert.deepEqual(listed.map((m) => [m.id, m.owned_by, m.arenalab.capabilities]), [['external', 'external', ['chat', 'completion']]]);
    assert.equal(requestsTo(endpoint), 0);
  });

  it('answers chat through the endpoint /v1/chat/completions, with the confidence and method it reported', async () => {
    const messages = [{ role: 'user', content: 'Where is handle_beta defined?' }];
    const direct = (await post(endpoint, '/v1/chat/completions', { model: 'workspace', messages })) as { choices: { message: { content: string } }[]; arenalab: { confidence: number; method: string } };
    const via = (await post(served, '/v1/chat/completions', { model: 'external', messages })) as typeof direct;
    assert.equal(via.choices[0].message.content, direct.choices[0].message.content);
    assert.match(via.choices[0].message.content, /lib\/beta\.ts:1/);
    assert.equal(via.arenalab.confidence, direct.arenalab.confidence);
    assert.equal(via.arenalab.method, `external:${direct.arenalab.method}`);
  });

  it('completes code by fill-in-the-middle through the endpoint /v1/completions with the suffix', async () => {
    const request = { prompt: HANDLER_PREFIX, suffix: '}\n', max_tokens: 32 };
    const direct = (await post(endpoint, '/v1/completions', { model: 'workspace', ...request })) as { choices: { text: string }[] };
    const via = (await post(served, '/v1/completions', { model: 'external', ...request })) as { choices: { text: string }[]; arenalab: { method: string } };
    assert.equal(via.choices[0].text, direct.choices[0].text);
    assert.match(via.choices[0].text, /return respond\(body\);/);
    assert.match(via.arenalab.method, /^external:/);
  });

  it('sends every secret redacted: the conversation and the code around the cursor', () => {
    const key = 'AKIAQ3EGRT5MXJ7KZP2W';
    assert.deepEqual(outgoingMessages([{ role: 'user', content: `why is ${key} refused?` }]), [{ role: 'user', content: 'why is <redacted:aws_access_key> refused?' }]);
    assert.deepEqual(outgoingCode(`const id = '${key}';\n`, `// ${key}\n`), { prompt: "const id = '<redacted:aws_access_key>';\n", suffix: '// <redacted:aws_access_key>\n' });
  });
});
