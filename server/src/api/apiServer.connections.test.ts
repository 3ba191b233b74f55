import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import { fixedClock } from '@arenalab/core';
import { ApiConfigError } from './apiConfigError';
import { ApiKeys } from './apiKeys';
import { ApiServer } from './apiServer';
import type { ConnectionLimits } from './connectionLimits';
import { CreatureRegistry } from './creature';
import { DEFAULT_RATE_LIMITS } from './rateLimiter';
import { ApiLog } from './requestLog';

// Idle, half-sent and dribbled connections on real loopback sockets, against limits set small for the test.
function startServer(limits: Partial<ConnectionLimits>): Promise<ApiServer> {
  return ApiServer.start({
    host: '127.0.0.1', port: 0, creatures: new CreatureRegistry([]), keys: new ApiKeys([]), rateLimits: DEFAULT_RATE_LIMITS,
    log: new ApiLog(() => undefined, true, fixedClock(0)), connectionLimits: limits,
  });
}

interface Conn {
  socket: net.Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

function connect(port: number, first?: string): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const closed = new Promise<string>((done) => socket.on('close', () => done(received)));
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      if (first !== undefined) socket.write(first);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

/** GET /health on a fresh connection: the status line, or the error when the connection is refused. */
function health(port: number): Promise<string> {
  return connect(port, `GET /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`).then(({ closed }) => closed.then((text) => text.split('\r\n')[0]));
}

/** Resolves once the server holds exactly `n` connections: it sees a connect or a close after the client does. */
async function untilOpen(server: ApiServer, n: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if ((await server.openConnections()) === n) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the server never held ${n} connections (it holds ${await server.openConnections()})`);
}

describe('api: connection limits and timeouts (real sockets)', function () {
  this.timeout(30_000);

  it('refuses limits that cannot work with a clear ApiConfigError', async () => {
    await assert.rejects(startServer({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }), (e: unknown) => e instanceof ApiConfigError && /headers timeout \(5000 ms\) cannot be longer/.test(e.message));
    await assert.rejects(startServer({ maxConnectionsPerClient: 0 }), (e: unknown) => e instanceof ApiConfigError && /maxConnectionsPerClient must be a whole number/.test(e.message));
  });

  it('closes connections over the per-client limit at once, keeps the others, and answers again once some close', async () => {
    const server = await startServer({ maxConnectionsPerClient: 4, maxConnections: 50 });
    const port = server.port;
    const idle: Conn[] = [];
    try {
      for (let i = 0; i < 4; i++) idle.push(await connect(port));
      await untilOpen(server, 4);
      const extra = await Promise.all([connect(port), connect(port), connect(port)]);
      assert.deepEqual(await Promise.all(extra.map((conn) => conn.closed)), ['', '', ''], 'closed without an answer');
      assert.ok(idle.every((conn) => !conn.socket.destroyed), 'the connections within the limit stay open');
      assert.equal(await health(port), '', 'a fifth connection from the same address is closed too');
      idle.pop()?.socket.destroy();
      idle.pop()?.socket.destroy();
      await untilOpen(server, 2);
      assert.equal(await health(port), 'HTTP/1.1 200 OK');
      assert.match(server.metrics.render(0), /arenalab_api_connections_refused_total\{reason="per_client"\} 4/);
    } finally {
      for (const conn of idle) conn.socket.destroy();
      await server.close(100);
    }
  });

  it('closes connections over the total limit at once', async () => {
    const server = await startServer({ maxConnectionsPerClient: 100, maxConnections: 3 });
    const port = server.port;
    const idle: Conn[] = [];
    try {
      for (let i = 0; i < 3; i++) idle.push(await connect(port));
      await untilOpen(server, 3);
      assert.equal(await (await connect(port)).closed, '');
      idle.pop()?.socket.destroy();
      await untilOpen(server, 2);
      assert.equal(await health(port), 'HTTP/1.1 200 OK');
    } finally {
      for (const conn of idle) conn.socket.destroy();
      await server.close(100);
    }
  });

  it('cuts a silent connection, half-sent headers and a dribbled body with 408 and closes them', async () => {
    const server = await startServer({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
    const port = server.port;
    try {
      const silent = await connect(port);
      const halfHeaders = await connect(port, `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      const dribbled = await connect(port, `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
      // One more byte now and then: activity on the socket does not extend the time a request may take.
      const drip = setInterval(() => dribbled.socket.writable && dribbled.socket.write(' '), 100);
      try {
        for (const conn of [silent, halfHeaders, dribbled]) assert.match(await conn.closed, /^HTTP\/1\.1 408 Request Timeout\r\n/);
      } finally {
        clearInterval(drip);
      }
      assert.equal(await health(port), 'HTTP/1.1 200 OK');
    } finally {
      await server.close(100);
    }
  });
});
