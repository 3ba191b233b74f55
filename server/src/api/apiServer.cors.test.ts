import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { ApiConfigError } from './apiConfigError';
import { SORT_QUESTION, startTestServer, TEST_KEY, type TestServer } from './apiTestSupport';
import { CorsPolicy } from './corsPolicy';

// Real sockets on 127.0.0.1: requests as a browser sends them for a page of another origin (an Origin header, and an
// OPTIONS preflight before a JSON POST with a bearer key).
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const PAGE = 'http://localhost:5173';
const preflight = (origin: string) => ({ origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' });
const chatBody = JSON.stringify({ model: 'team@1.0.0', messages: [{ role: 'user', content: SORT_QUESTION }] });
const code = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

describe('api: CORS on arenalab serve', function () {
  this.timeout(60_000);

  describe('with --cors-origin http://localhost:5173', () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ corsOrigins: [PAGE] });
    });
    after(async () => t.stop());

    it('answers the preflight of an allowed origin with 204 and the headers the browser checks, without a key', async () => {
      const answer = await send(t.server.url, 'OPTIONS', '/v1/chat/completions', preflight(PAGE));
      assert.equal(answer.status, 204);
      assert.equal(answer.body, '');
      assert.equal(answer.headers['access-control-allow-origin'], PAGE);
      assert.match(String(answer.headers['access-control-allow-methods']), /\bPOST\b/);
      assert.match(String(answer.headers['access-control-allow-headers']), /\bauthorization\b.*\bcontent-type\b/);
      assert.equal(answer.headers['access-control-max-age'], '600');
      assert.equal(answer.headers.vary, 'Origin');
      assert.ok(!t.logLines.some((line) => line.includes('"status":401')), t.logLines.join('\n'));
    });

    it('lets the allowed origin read the real answer', async () => {
      const answer = await send(t.server.url, 'POST', '/v1/chat/completions', { origin: PAGE, authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' }, chatBody);
      assert.equal(answer.status, 200, answer.body);
      assert.equal(answer.headers['access-control-allow-origin'], PAGE);
      assert.match(String(answer.headers['access-control-expose-headers']), /x-request-id/);
    });

    it('refuses the preflight and the request of any other origin with 403 and no allow-origin header', async () => {
      for (const origin of ['http://localhost:5174', 'https://localhost:5173', 'http://evil.example', 'null']) {
        const pre = await send(t.server.url, 'OPTIONS', '/v1/chat/completions', preflight(origin));
        assert.equal(pre.status, 403, origin);
        assert.equal(code(pre).code, 'origin_not_allowed');
        assert.match(code(pre).message, /allowed: http:\/\/localhost:5173/);
        assert.equal(pre.headers['access-control-allow-origin'], undefined);
        const post = await send(t.server.url, 'POST', '/v1/chat/completions', { origin, authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' }, chatBody);
        assert.equal(post.status, 403, origin);
        assert.equal(post.headers['access-control-allow-origin'], undefined);
      }
    });

    it('keeps the Host check first: an allowed origin through a foreign Host is still refused as host_not_allowed', async () => {
      const answer = await send(t.server.url, 'OPTIONS', '/v1/chat/completions', { ...preflight(PAGE), host: `rebind.attacker.example:${t.server.port}` });
      assert.equal(answer.status, 403);
      assert.equal(code(answer).code, 'host_not_allowed');
    });

    it('answers a plain OPTIONS (no Origin) with 204 and the methods the route takes, and an unknown URL with 404', async () => {
      const answer = await send(t.server.url, 'OPTIONS', '/v1/chat/completions', {});
      assert.equal(answer.status, 204);
      assert.equal(answer.headers.allow, 'POST, OPTIONS');
      assert.equal(answer.headers['access-control-allow-origin'], undefined);
      assert.equal((await send(t.server.url, 'OPTIONS', '/v1/nothing', preflight(PAGE))).status, 404);
    });

    it('changes nothing for requests without an Origin (curl, SDKs)', async () => {
      const answer = await send(t.server.url, 'GET', '/health', {});
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['access-control-allow-origin'], undefined);
    });
  });

  describe('by default (no --cors-origin)', () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer();
    });
    after(async () => t.stop());

    it('allows no origin at all, and says how to allow one', async () => {
      const answer = await send(t.server.url, 'OPTIONS', '/v1/chat/completions', preflight(PAGE));
      assert.equal(answer.status, 403);
      assert.match(code(answer).message, /no origin is allowed by default; allow it with --cors-origin/);
      assert.equal((await send(t.server.url, 'GET', '/v1/models', { origin: PAGE, authorization: `Bearer ${TEST_KEY}` })).status, 403);
      assert.equal((await send(t.server.url, 'GET', '/v1/models', { authorization: `Bearer ${TEST_KEY}` })).status, 200);
    });
  });

  it('refuses an origin that is not scheme://host[:port] at start', async () => {
    for (const wrong of ['*', 'localhost:5173', 'http://localhost:5173/app', 'ftp://x.example']) {
      assert.throws(() => new CorsPolicy([wrong]), TypeError, wrong);
    }
    await assert.rejects(startTestServer({ corsOrigins: ['*'] }), (error: unknown) => error instanceof ApiConfigError && /--cors-origin: not an origin: '\*'/.test(error.message));
    assert.deepEqual(new CorsPolicy(['HTTP://LocalHost:5173', 'https://app.example/']).allowedOrigins, ['http://localhost:5173', 'https://app.example']);
  });
});
