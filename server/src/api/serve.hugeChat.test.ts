import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_CHAT_MESSAGE_CHARS } from '@arenalab/core';
import { saveTeamDataset, startServe, writeTinyWorkspace, type RunningServe } from './apiTestSupport';

// Huge chat messages against `arenalab serve` in its own process (keyless, loopback), so the test's event loop
// stays free to see whether the server answers others while it works.
interface Answer {
  status: number;
  body: string;
}

function post(url: string, body: string, written?: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    request.end(body, written);
  });
}

function health(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(`${url}/health`, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

const chatBody = (content: string) => JSON.stringify({ model: 'team@1.0.0', messages: [{ role: 'user', content }] });

describe('arenalab serve: a huge chat message cannot freeze the server (real process)', function () {
  this.timeout(120_000);
  let dir: string;
  let running: RunningServe;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-huge-chat-'));
    writeTinyWorkspace(path.join(dir, 'ws'));
    await saveTeamDataset(path.join(dir, 'store'));
    running = await startServe(['--store', path.join(dir, 'store'), '--dataset', 'team', '--workspace', path.join(dir, 'ws')], { ARENALAB_API_KEYS: '' });
  });
  after(async () => {
    running.kill('SIGTERM');
    await running.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a message over the limit with a 413 message_too_long naming it, and keeps serving', async () => {
    const answer = await post(running.url, chatBody('search '.repeat(40_000)));
    assert.equal(answer.status, 413, answer.body);
    const { error } = JSON.parse(answer.body) as { error: { code: string; param: string; message: string } };
    assert.deepEqual([error.code, error.param], ['message_too_long', 'messages[0].content']);
    assert.match(error.message, new RegExp(`limit is ${MAX_CHAT_MESSAGE_CHARS}`));
    assert.equal(await health(running.url), 200);
  });

  it('answers /health while a chat at the limit, built to make the tool patterns backtrack, is still being answered', async function () {
    // Before the patterns were made linear the run of spaces after "what is" held the server for tens of seconds
    // (every trigger is tried before the code runs); now the program runs in the sandbox, a child process, while the
    // server answers /health.
    this.timeout(20_000);
    const head = "run this:\n```js\nconsole.log('ran in the sandbox')\n```\nwhat is";
    const content = head + ' '.repeat(MAX_CHAT_MESSAGE_CHARS - head.length - 1) + 'x';
    const finished: string[] = [];
    let healthAsked: Promise<number> | undefined;
    const chat = post(running.url, chatBody(content), () => {
      healthAsked = health(running.url).then((status) => {
        finished.push('health');
        return status;
      });
    }).then((answer) => {
      finished.push('chat');
      return answer;
    });
    const answer = await chat;
    assert.ok(healthAsked, 'the chat request was written before its answer came');
    assert.equal(await healthAsked, 200);
    assert.deepEqual(finished, ['health', 'chat'], '/health is answered before the chat is');
    assert.equal(answer.status, 200, answer.body);
    const reply = JSON.parse(answer.body) as { choices: { message: { content: string } }[]; arenalab: { method: string } };
    assert.equal(reply.arenalab.method, 'tool_synthesis', reply.choices[0].message.content);
    assert.match(reply.choices[0].message.content, /ran in the sandbox/);
  });
});
