import type * as http from 'node:http';
import type { Socket } from 'node:net';
import { ApiConfigError } from './apiConfigError';

/** How many connections the server keeps open and how long a client may take; `arenalab serve` flags set them. */
export interface ConnectionLimits {
  /** Open connections in total; the next one is closed at once. */
  maxConnections: number;
  /** Open connections from one remote address; the next one from it is closed at once. */
  maxConnectionsPerClient: number;
  /** Time to receive a request's headers (also a connection that sends nothing); then 408 and the connection closes. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included, so a dribbled body is cut with 408. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
  /** How often the header and request timeouts are checked (they take effect up to this much late). */
  timeoutCheckIntervalMs: number;
}

/**
 * Far above what an OpenAI client's connection pool uses (200 requests at once from one address still fit), far
 * below a process's usual descriptor limit, so idle connections cannot starve /health.
 */
export const DEFAULT_CONNECTION_LIMITS: Readonly<ConnectionLimits> = Object.freeze({
  maxConnections: 1024,
  maxConnectionsPerClient: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
});

/** node:http's own options for the timeouts (it answers 408 and closes); throws ApiConfigError for limits that cannot work. */
export function httpServerOptions(limits: ConnectionLimits): http.ServerOptions {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new ApiConfigError(`connection limit ${name} must be a whole number ≥ 1, got ${value}`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ApiConfigError(`the headers timeout (${limits.headersTimeoutMs} ms) cannot be longer than the request timeout (${limits.requestTimeoutMs} ms), which includes it`);
  }
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
}

/**
 * Applies the connection counts to a server: node:http's `maxConnections` for the total, and a count per remote
 * address that destroys a connection over the limit as soon as it is accepted, before anything is read from it.
 * `onRefused` hears of each one (for metrics).
 */
export function limitConnections(server: http.Server, limits: ConnectionLimits, onRefused: (reason: 'total' | 'per_client') => void): void {
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('drop', () => onRefused('total'));
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > limits.maxConnectionsPerClient) {
      onRefused('per_client');
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left <= 0) open.delete(client);
      else open.set(client, left);
    });
  });
}
