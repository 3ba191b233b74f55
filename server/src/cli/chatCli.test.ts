import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChatAnswer } from '@arenalab/core';
import { leakedSecrets, PLANTED_KEY_ID, PLANTED_PASSWORD } from '../answering/plantedSecretsTestSupport';

// `arenalab chat` as a user runs it: the built launcher in a child process, a real store, a real HTTP peer for the LLM.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');
const corpus = path.join(root, 'test-fixtures', 'chat', 'qa-corpus.jsonl');

/** Runs the CLI without blocking the event loop, so a server in this process can answer it. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('arenalab chat (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  let store: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-chat-'));
    store = path.join(tmp, 'store');
    const ingest = spawnSync(process.execPath, [launcher, 'ingest', corpus, '--format', 'chat', '--store', store, '--json'], { cwd: root, encoding: 'utf8' });
    assert.equal(ingest.status, 0, ingest.stderr);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('answers from the store with confidence, method and provenance (--json), history included', async () => {
    const result = await run(['chat', 'And can I make it readonly too?', '--history', 'How do I define a dataclass in Python?', '--store', store, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as ChatAnswer & { source: string; pairs: number };
    assert.equal(answer.method, 'majority');
    assert.match(answer.text, /frozen=True/);
    assert.equal(answer.pairs, 39);
    assert.equal(answer.source, `store ${store}`);
    assert.equal(answer.provenance[0].question, 'And can I make it readonly too?');
  });

  it('prints a human answer with its sources', async () => {
    const result = await run(['chat', 'What is the best JavaScript framework for a new project?', '--store', store]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^I'm not sure — /);
    assert.match(result.stdout, /confidence \d+% · uncertain · 4 spans voted · from store /);
    assert.match(result.stdout, /sources:\n {2}sp_[0-9a-f]+ {2}similarity 0\.\d\d {2}"/);
  });

  /** A real OpenAI-compatible peer on loopback that replies `content`; `seen` gets each request's key and prompt. */
  async function withLlm(content: string, body: (baseUrl: string, seen: { authorization?: string; prompt: string }) => Promise<void>): Promise<void> {
    const seen: { authorization?: string; prompt: string } = { prompt: '' };
    const server = http.createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        seen.authorization = request.headers.authorization;
        seen.prompt = (JSON.parse(text) as { messages: { content: string }[] }).messages[1].content;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen);
    } finally {
      server.close();
    }
  }

  it('synthesises a split vote with an OpenAI-compatible endpoint, the key taken from the environment', async () => {
    await withLlm('Most use 4 spaces (PEP 8); some prefer tabs.', async (baseUrl, seen) => {
      const result = await run(
        ['chat', 'Should I indent my Python code with tabs or spaces?', '--store', store, '--llm-base-url', baseUrl, '--llm-model', 'local-test', '--json'],
        { ARENALAB_LLM_API_KEY: 'from-env' },
      );
      assert.equal(result.code, 0, result.stderr);
      const answer = JSON.parse(result.stdout) as ChatAnswer;
      assert.equal(answer.method, 'llm_synthesis');
      // The model's reply states no uncertainty at 40% confidence, so the constitution hedges it.
      assert.equal(answer.text, "I'm not sure (confidence 40%), but the closest answers I have say:\nMost use 4 spaces (PEP 8); some prefer tabs.");
      assert.equal(answer.constitution.correction?.principleId, 'honesty');
      assert.equal(seen.authorization, 'Bearer from-env');
      assert.match(seen.prompt, /Answers to similar questions:\nGroup 1/);
    });
  });

  it('never prints a secret an LLM put in its reply, not even as the text a refusal replaced (--json)', async () => {
    const reply = `Configure it with aws_access_key_id = ${PLANTED_KEY_ID} and password = "${PLANTED_PASSWORD}", then use tabs.`;
    await withLlm(reply, async (baseUrl) => {
      const result = await run(['chat', 'Should I indent my Python code with tabs or spaces?', '--store', store, '--llm-base-url', baseUrl, '--llm-model', 'local-test', '--json']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(leakedSecrets(result.stdout), [], result.stdout);
      const answer = JSON.parse(result.stdout) as ChatAnswer;
      assert.equal(answer.constitution.correction?.kind, 'refused');
      assert.match(answer.constitution.correction?.originalText ?? '', /<redacted:[a-z_]+>/);
      assert.ok(answer.notes.some((note) => note.startsWith('no_secrets: the answer held what looks like a secret')), answer.notes.join('\n'));
    });
  });

  it('gives clear errors for a missing dataset and a malformed LLM URL', async () => {
    const missing = await run(['chat', 'hi', '--store', store, '--dataset', 'nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^arenalab: no dataset named nope in .* \(arenalab dataset list\)\n$/);
    const badUrl = await run(['chat', 'hi', '--store', store, '--llm-base-url', 'localhost:1234', '--llm-model', 'm']);
    assert.equal(badUrl.code, 1);
    assert.match(badUrl.stderr, /arenalab\.llm\.baseUrl: must be http or https/);
  });

  it('bench qa prints one JSON document on the fixture benchmarks, and both commands have --help', async () => {
    const qa = path.join(root, 'test-fixtures', 'qa');
    const result = await run(['bench', 'qa', '--mmlu', path.join(qa, 'mmlu'), '--truthfulqa', path.join(qa, 'truthfulqa.csv'), '--json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { benchmark: string; mmlu: { test: number }; truthfulqa: { test: number }; tier: string };
    assert.equal(report.benchmark, 'qa');
    assert.deepEqual([report.mmlu.test, report.truthfulqa.test], [7, 5]);
    assert.equal(typeof report.tier, 'string');
    for (const command of [['chat'], ['bench', 'qa']]) {
      const help = await run([...command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: arenalab/m);
    }
    const bad = await run(['bench', 'qa', '--threshold', '2', '--mmlu', qa]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /expected a number in 0\.\.1, got "2"/);
  });

  it('remembers an answer rejected for its content in <store>/anti-patterns.json and refuses a close rewording later', async () => {
    const claims = path.join(tmp, 'claims.jsonl');
    const claim = (id: string, question: string, lead: string) =>
      JSON.stringify({ id, messages: [{ role: 'user', content: question }, { role: 'assistant', content: `${lead} that tabs make compilation 40% faster than spaces, so always indent with tabs in every project.` }] });
    fs.writeFileSync(claims, [claim('c1', 'Are tabs faster than spaces for compiling code?', 'Research shows'), claim('c2', 'Which compiles faster, C++ or Go?', 'Studies show')].join('\n') + '\n');
    const claimStore = path.join(tmp, 'claims-store');
    assert.equal(spawnSync(process.execPath, [launcher, 'ingest', claims, '--format', 'chat', '--store', claimStore], { cwd: root }).status, 0);

    // "Studies show" escapes the unsourced-claim patterns: before anything is remembered, it is answered as is.
    const before = JSON.parse((await run(['chat', 'Which compiles faster, C++ or Go?', '--store', claimStore, '--json'])).stdout) as ChatAnswer;
    assert.equal(before.constitution.approved, true);

    const first = JSON.parse((await run(['chat', 'Are tabs faster than spaces for compiling code?', '--store', claimStore, '--json'])).stdout) as ChatAnswer;
    assert.equal(first.constitution.correction?.kind, 'hedged');
    const remembered = JSON.parse(fs.readFileSync(path.join(claimStore, 'anti-patterns.json'), 'utf8')) as { principleId: string; text: string }[];
    assert.deepEqual(remembered.map((r) => r.principleId), ['honesty']);

    const second = JSON.parse((await run(['chat', 'Which compiles faster, C++ or Go?', '--store', claimStore, '--json'])).stdout) as ChatAnswer;
    assert.equal(second.constitution.correction?.kind, 'refused');
    assert.match(second.constitution.violations[0].reason, /^resembles an output rejected before \(similarity 0\.\d\d\)/);

    fs.writeFileSync(path.join(claimStore, 'anti-patterns.json'), '{"broken');
    const corrupt = await run(['chat', 'Which compiles faster, C++ or Go?', '--store', claimStore]);
    assert.equal(corrupt.code, 0, corrupt.stderr);
    assert.match(corrupt.stdout, /note: .*anti-patterns\.json: not JSON .*not overwritten/);
    assert.equal(fs.readFileSync(path.join(claimStore, 'anti-patterns.json'), 'utf8'), '{"broken', 'a file it could not read is left alone');
  });
});
