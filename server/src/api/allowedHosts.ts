import { isIP } from 'node:net';
import { ApiError } from './apiError';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** `name` and `:port` of a Host header, the name lower-cased; undefined when it is not `name[:port]`. */
function splitHost(header: string): { name: string; port: string | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return match ? { name: match[1].toLowerCase(), port: match[2] } : undefined;
}

const bracketed = (name: string) => (isIP(name) === 6 ? `[${name.toLowerCase()}]` : name.toLowerCase());

/**
 * The names a request's `Host` header may carry, so a web page that points its own domain at 127.0.0.1 (DNS
 * rebinding) cannot reach the server from the browser: its requests carry the page's domain. Allowed: the bind
 * address, localhost, 127.0.0.1 and [::1], with the server's port (or none when it listens on 80), and the names
 * configured with `--allowed-host` / ARENALAB_ALLOWED_HOSTS (bare, with any of those ports, or `name:port`). A
 * server bound to every interface (0.0.0.0, ::) also takes any IP address, which no rebinding page can send.
 */
export class AllowedHosts {
  private readonly names: Set<string>;
  private readonly withPort: Set<string>;
  private readonly anyAddress: boolean;

  constructor(bindHost: string, configured: readonly string[] = []) {
    this.anyAddress = WILDCARD_BINDS.has(bindHost.toLowerCase());
    this.names = new Set([...LOOPBACK_NAMES, ...(this.anyAddress ? [] : [bracketed(bindHost.replace(/^\[(.*)\]$/, '$1'))])]);
    this.withPort = new Set();
    for (const entry of configured) {
      const parts = splitHost(entry);
      if (!parts) throw new TypeError(`not a host name: '${entry}' (expected NAME or NAME:PORT)`);
      if (parts.port === undefined) this.names.add(parts.name);
      else this.withPort.add(`${parts.name}:${Number(parts.port)}`);
    }
  }

  /** Throws a 403 `host_not_allowed` unless `header` names this server on `port`. */
  check(header: string | undefined, port: number): void {
    const parts = header === undefined ? undefined : splitHost(header);
    if (parts && this.allows(parts.name, parts.port === undefined ? 80 : Number(parts.port), port)) return;
    const shown = header === undefined ? 'no Host header' : `Host '${header.slice(0, 100)}'`;
    throw new ApiError(403, 'permission_error', `${shown} does not name this server; use localhost:${port} or 127.0.0.1:${port}, or allow the name with --allowed-host NAME (or ARENALAB_ALLOWED_HOSTS).`, null, 'host_not_allowed');
  }

  private allows(name: string, givenPort: number, port: number): boolean {
    if (this.withPort.has(`${name}:${givenPort}`)) return true;
    if (givenPort !== port) return false;
    return this.names.has(name) || (this.anyAddress && isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0);
  }
}

/** The names of ARENALAB_ALLOWED_HOSTS (comma separated). */
export function allowedHostsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
}
