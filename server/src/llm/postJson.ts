import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import * as tls from 'node:tls';

/** An HTTP answer read whole: the status and the body as text. */
export interface HttpAnswer {
  status: number;
  text: string;
}

export interface PostInit {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  /** An http:// proxy (see `proxyFor`): http targets are asked through it, https ones tunnelled with CONNECT. */
  proxy?: URL;
}

/** A failure on the way to the proxy or through it; `code` as Node's socket errors have one. */
export class ProxyError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ProxyError';
  }
}

/** `Proxy-Authorization` from the proxy URL's user and password, when it has them (never logged). */
function proxyHeaders(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

const proxyPort = (proxy: URL) => Number(proxy.port || 80);
const targetPort = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

function readAnswer(request: http.ClientRequest, body: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    request.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A tunnel to the target through the proxy (CONNECT host:port), resolved with the open socket once it answers 200. */
function tunnel(url: URL, proxy: URL, signal: AbortSignal): Promise<Socket> {
  const authority = `${url.hostname}:${targetPort(url)}`;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: proxy.hostname, port: proxyPort(proxy), method: 'CONNECT', path: authority, headers: { host: authority, ...proxyHeaders(proxy) }, signal });
    request.on('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new ProxyError('PROXY_REFUSED', `the proxy ${proxy.host} answered CONNECT with HTTP ${response.statusCode}`));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * POSTs `body` to `url` with node:http / node:https (Node 20's fetch cannot use a proxy), directly or through an
 * http:// proxy: an http target is asked through the proxy in absolute form, an https one over a CONNECT tunnel with
 * TLS to the target end to end (the proxy sees only the host name). `signal` aborts it at any point.
 */
export async function postJson(url: URL, init: PostInit): Promise<HttpAnswer> {
  const { headers, body, signal, proxy } = init;
  const sized = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  if (proxy === undefined) {
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers: sized, signal });
    return readAnswer(request, body);
  }
  if (url.protocol === 'http:') {
    const request = http.request({ host: proxy.hostname, port: proxyPort(proxy), method: 'POST', path: url.href, headers: { ...sized, host: url.host, ...proxyHeaders(proxy) }, signal });
    return readAnswer(request, body);
  }
  const socket = await tunnel(url, proxy, signal);
  const request = https.request(url, {
    method: 'POST', headers: sized, signal, agent: false,
    createConnection: () => tls.connect({ socket, servername: url.hostname }),
  });
  return readAnswer(request, body);
}
