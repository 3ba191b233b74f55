import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import * as readline from 'node:readline';

// Test support: a real forward proxy in its own process on 127.0.0.1, as a corporate proxy would be. It forwards
// absolute-form requests (`POST http://host:port/path`) and CONNECT tunnels, and prints one line per request it
// handled, so a test can prove a call went through it. `requireAuth` makes it answer 407 without the right
// Proxy-Authorization.

/** The proxy's side: run as `node proxyTestSupport.js [user:password]`; prints `listening <port>`, then a line per request. */
function runProxy(requiredCredentials: string | undefined): void {
  const expected = requiredCredentials === undefined ? undefined : `Basic ${Buffer.from(requiredCredentials).toString('base64')}`;
  const authorized = (headers: http.IncomingHttpHeaders) => expected === undefined || headers['proxy-authorization'] === expected;
  const server = http.createServer((request, response) => {
    if (!authorized(request.headers)) {
      console.log(`refused ${request.method} ${request.url}`);
      response.writeHead(407, { 'proxy-authenticate': 'Basic' }).end();
      return;
    }
    console.log(`forward ${request.method} ${request.url}`);
    const target = new URL(request.url ?? '');
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: `${target.pathname}${target.search}`, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    if (!authorized(request.headers)) {
      console.log(`refused CONNECT ${request.url}`);
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    console.log(`tunnel CONNECT ${request.url}`);
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as net.AddressInfo).port}`));
}

export interface ForwardProxy {
  url: string;
  /** Every request line it handled: `forward POST http://…`, `tunnel CONNECT host:port`, `refused …`. */
  lines: string[];
  /** Resolves with the first line (past or future) matching `pattern`. */
  handled(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the proxy process; resolves once it listens. */
export function startForwardProxy(options: { credentials?: string } = {}): Promise<ForwardProxy> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [__filename, ...(options.credentials === undefined ? [] : [options.credentials])]);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the test proxy exited with ${code} before listening`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const listening = /^listening (\d+)$/.exec(line);
      if (listening) {
        resolve({
          url: `http://127.0.0.1:${listening[1]}`,
          lines,
          handled: (pattern) => new Promise((found) => {
            const seen = lines.find((l) => pattern.test(l));
            if (seen !== undefined) found(seen);
            else waiters.push({ pattern, resolve: found });
          }),
          stop: () => new Promise((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => stopped());
            child.kill();
          }),
        });
        return;
      }
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
  });
}

if (require.main === module) runProxy(process.argv[2]);
