import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { ApiKeys } from './apiKeys';
import { SORT_QUESTION, startTestServer, type TestServer } from './apiTestSupport';

// A keyless loopback server as a web page would reach it through DNS rebinding: its own domain in Host, a
// text/plain or form body (which the browser sends without asking the server first).
interface Answer {
  status: number;
  body: string;
}

function send(url: string, options: { method?: string; path: string; host?: string; contentType?: string; body?: string }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.host !== undefined) headers.host = options.host;
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${options.path}`, { method: options.method ?? 'GET', headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** The status line of a hand-written request (no Host header at all, which node:http clients never send). */
function rawStatusLine(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('end', () => resolve(received.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

const chatBody = JSON.stringify({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }] });

function errorOf(answer: Answer): { type: string; code: string; message: string } {
  return (JSON.parse(answer.body) as { error: { type: string; code: string; message: string } }).error;
}

describe('api: Host and Content-Type checks on the keyless loopback server', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ keys: new ApiKeys([]), allowedHosts: ['arenalab.internal', 'proxy.example:8443'] });
  });
  after(async () => t.stop());

  it('answers Host names of this server: loopback names and configured names, with its port', async () => {
    const port = t.server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `arenalab.internal:${port}`, 'proxy.example:8443']) {
      assert.equal((await send(t.server.url, { path: '/health', host })).status, 200, host);
    }
  });

  it('refuses any other Host with a 403 permission_error, on every route, before running anything', async () => {
    const port = t.server.port;
    for (const host of [`rebind.attacker.example:${port}`, `localhost:${port + 1}`, 'localhost', `arenalab.internal.attacker.example:${port}`, `10.0.0.7:${port}`, 'proxy.example:9999', `a b:${port}`]) {
      const health = await send(t.server.url, { path: '/health', host });
      assert.equal(health.status, 403, host);
      assert.deepEqual([errorOf(health).type, errorOf(health).code], ['permission_error', 'host_not_allowed']);
      assert.match(errorOf(health).message, /--allowed-host/);
      const chat = await send(t.server.url, { method: 'POST', path: '/v1/chat/completions', host, contentType: 'application/json', body: chatBody });
      assert.equal(chat.status, 403, host);
    }
    assert.equal(await rawStatusLine(port, 'GET /health HTTP/1.0\r\n\r\n'), 'HTTP/1.1 403 Forbidden', 'no Host at all');
  });

  it('refuses a POST body that is not declared JSON with a 415, and answers application/json with a charset', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await send(t.server.url, { method: 'POST', path: '/v1/chat/completions', contentType, body: chatBody });
      assert.equal(answer.status, 415, String(contentType));
      assert.deepEqual([errorOf(answer).type, errorOf(answer).code], ['invalid_request_error', 'unsupported_media_type']);
      assert.match(errorOf(answer).message, /application\/json/);
    }
    const completion = await send(t.server.url, { method: 'POST', path: '/v1/completions', contentType: 'text/plain;charset=UTF-8', body: JSON.stringify({ model: 'workspace', prompt: 'x' }) });
    assert.equal(completion.status, 415);
    assert.equal((await send(t.server.url, { method: 'POST', path: '/v1/chat/completions', contentType: 'Application/JSON; charset=utf-8', body: chatBody })).status, 200);
  });
});
