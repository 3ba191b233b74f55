import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CancelledError, systemClock, type Clock } from '@arenalab/core';
import { ApiConfigError } from './apiConfigError';
import { ApiError, internalError } from './apiError';
import type { ApiKeys } from './apiKeys';
import type { ApiLog } from './requestLog';
import { AllowedHosts } from './allowedHosts';
import { CorsPolicy } from './corsPolicy';
import { ApiMetrics } from './apiMetrics';
import { resolveRoute } from './apiRoutes';
import { DEFAULT_CONNECTION_LIMITS, httpServerOptions, limitConnections, type ConnectionLimits } from './connectionLimits';
import type { CreatureRegistry } from './creature';
import { isLoopbackHost } from './loopbackHost';
import { RateLimiter, type RateLimits } from './rateLimiter';
import { DEFAULT_MAX_BODY_BYTES } from './readJsonBody';
import { RequestContext } from './requestContext';
import type { ServiceDeps, StoreStatus } from './serviceRoutes';

export interface ApiServerOptions {
  host: string;
  /** 0 picks a free port (tests); `url` tells which. */
  port: number;
  creatures: CreatureRegistry;
  keys: ApiKeys;
  rateLimits: RateLimits;
  log: ApiLog;
  maxBodyBytes?: number;
  /** Host names besides the bind address and loopback that requests may name (`--allowed-host`). */
  allowedHosts?: readonly string[];
  /** Web origins (`scheme://host[:port]`) allowed to call from a browser (`--cors-origin`); none by default. */
  corsOrigins?: readonly string[];
  /** Connection counts and timeouts; each one not given is its default. */
  connectionLimits?: Partial<ConnectionLimits>;
  clock?: Clock;
  storeStatus?: () => StoreStatus;
}

/** How long `close` waits for requests in flight before cutting their connections. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * The OpenAI-compatible HTTP server over the creatures (node:http, no framework): the Host check, routing, API keys,
 * per-key rate limits, OpenAI-style errors, metrics and one log line per request; connections limited in number (in
 * total and per client) and in time (headers, whole request, keep-alive idle). `close` stops accepting and lets
 * requests in flight finish.
 */
export class ApiServer {
  readonly metrics = new ApiMetrics();
  private readonly server: http.Server;
  private readonly limiter: RateLimiter;
  private readonly deps: ServiceDeps;
  private readonly hosts: AllowedHosts;
  private readonly cors: CorsPolicy;
  private inFlight = 0;
  private closing = false;
  private drained: (() => void) | undefined;

  private constructor(private readonly options: ApiServerOptions) {
    const clock = options.clock ?? systemClock;
    this.limiter = new RateLimiter(options.rateLimits, clock);
    this.deps = { creatures: options.creatures, metrics: this.metrics, clock, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, startedAt: clock.now(), storeStatus: options.storeStatus };
    for (const creature of options.creatures.all()) {
      if (creature.chat) this.metrics.creatures.add({ kind: 'chat' });
      if (creature.completion) this.metrics.creatures.add({ kind: 'completion' });
    }
    try {
      this.hosts = new AllowedHosts(options.host, options.allowedHosts);
    } catch (error) {
      throw new ApiConfigError(`--allowed-host: ${(error as Error).message}`);
    }
    try {
      this.cors = new CorsPolicy(options.corsOrigins);
    } catch (error) {
      throw new ApiConfigError(`--cors-origin: ${(error as Error).message}`);
    }
    const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
    this.server = http.createServer(httpServerOptions(limits), (request, response) => void this.handle(request, response));
    limitConnections(this.server, limits, (reason) => this.metrics.connectionsRefused.add({ reason }));
  }

  /** Refuses (ApiConfigError) a non-loopback host without API keys; hosts call it before slow loading, too. */
  static checkBinding(host: string, keys: ApiKeys): void {
    if (!keys.required && !isLoopbackHost(host)) {
      throw new ApiConfigError(`refusing to serve on ${host} without API keys: anyone who can reach it could use it. Give --api-key, --api-keys-file or ARENALAB_API_KEYS, or bind to 127.0.0.1`);
    }
  }

  /** Listens on host:port; refuses (ApiConfigError) a non-loopback host without API keys. */
  static async start(options: ApiServerOptions): Promise<ApiServer> {
    ApiServer.checkBinding(options.host, options.keys);
    const server = new ApiServer(options);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL' ? new ApiConfigError(`cannot listen on ${options.host}:${options.port}: ${error.message}`) : error));
      server.server.listen(options.port, options.host, () => resolve());
    });
    return server;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections open now (accepted and not yet closed). */
  openConnections(): Promise<number> {
    return new Promise((resolve, reject) => this.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  }

  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes every connection. */
  async close(graceMs = DEFAULT_SHUTDOWN_GRACE_MS): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => (this.drained = resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const resolved = resolveRoute(request.url ?? '/');
    const ctx = new RequestContext(request, response, `req_${randomBytes(8).toString('hex')}`, resolved?.route.name ?? 'unmatched');
    if (this.closing) ctx.headers.connection = 'close';
    this.inFlight += 1;
    this.metrics.inFlight.add({}, 1);
    response.once('close', () => this.finished(ctx, started));
    try {
      await this.dispatch(ctx, resolved);
    } catch (error) {
      this.fail(ctx, error);
    }
  }

  private async dispatch(ctx: RequestContext, resolved: ReturnType<typeof resolveRoute>): Promise<void> {
    this.hosts.check(ctx.request.headers.host, this.port);
    const method = ctx.request.method ?? 'GET';
    const cors = this.cors.decide(method, ctx.request.headers);
    Object.assign(ctx.headers, cors.headers);
    if (!resolved) throw new ApiError(404, 'invalid_request_error', `Unknown request URL: ${method} ${(ctx.request.url ?? '').split('?')[0]}.`, null, 'unknown_url');
    const { route, param } = resolved;
    // A preflight (or a plain OPTIONS) is answered by the headers alone; it never reaches a handler or a key check.
    if (method === 'OPTIONS') return ctx.sendNoContent({ allow: [...Object.keys(route.methods), 'OPTIONS'].join(', ') });
    const handler = route.methods[method];
    if (!handler) {
      const allow = Object.keys(route.methods).join(', ');
      throw new ApiError(405, 'invalid_request_error', `Method ${method} is not allowed on ${route.name}; use ${allow}.`, null, 'method_not_allowed', { allow });
    }
    if (route.auth) ctx.keyId = this.options.keys.authenticate(ctx.request.headers.authorization);
    if (route.limited) this.applyRateLimit(ctx);
    await handler(ctx, this.deps, param);
  }

  private applyRateLimit(ctx: RequestContext): void {
    const keyId = ctx.keyId ?? 'anonymous';
    const decision = this.limiter.take(keyId);
    Object.assign(ctx.headers, decision.headers);
    if (decision.allowed) return;
    this.metrics.rateLimited.add({ key_id: keyId });
    throw new ApiError(429, 'rate_limit_error', `Rate limit reached for ${keyId}: retry after ${decision.retryAfterS} s.`, null, 'rate_limit_exceeded', { 'retry-after': String(decision.retryAfterS) });
  }

  /** Expected errors become their answer; a client that went away gets nothing (logged as 499); anything else is a logged 500. */
  private fail(ctx: RequestContext, error: unknown): void {
    if (error instanceof ApiError) {
      // After a refused oversized upload the rest of the body is not worth reading: close the connection instead.
      if (error.status === 413) ctx.headers.connection = 'close';
      ctx.sendError(error);
    } else if (!(error instanceof CancelledError && ctx.isCancelled)) {
      this.options.log.event('error', 'request failed', { request_id: ctx.requestId, route: ctx.route, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      ctx.sendError(internalError(ctx.requestId));
    }
  }

  private finished(ctx: RequestContext, started: number): void {
    const latencyMs = performance.now() - started;
    const status = ctx.response.writableFinished ? ctx.response.statusCode : 499;
    this.metrics.requests.add({ route: ctx.route, method: ctx.request.method ?? 'GET', status: String(status) });
    this.metrics.latency.observe({ route: ctx.route }, latencyMs / 1000);
    this.metrics.inFlight.add({}, -1);
    this.options.log.request({
      request_id: ctx.requestId, method: ctx.request.method ?? 'GET', route: ctx.route, status, latency_ms: Math.round(latencyMs * 10) / 10,
      key_id: ctx.keyId, creature: ctx.creature, ...(ctx.streamed ? { stream: true } : {}), ...(ctx.errorCode || status === 499 ? { error: ctx.errorCode ?? 'client_closed' } : {}),
    });
    this.inFlight -= 1;
    if (this.inFlight === 0 && this.drained) this.drained();
  }
}
