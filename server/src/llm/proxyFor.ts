/** The proxy configuration of outgoing calls: the editor's `http.proxy`, else the usual environment variables. */
export interface ProxyConfig {
  /** The editor's `http.proxy` (e.g. `http://proxy.corp:3128`); wins over the environment when set. */
  httpProxy?: string;
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case; the lower-case one wins, as curl reads them). */
  env: Readonly<Record<string, string | undefined>>;
}

const envValue = (env: ProxyConfig['env'], name: string): string | undefined => {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
};

/** Whether NO_PROXY (comma or space separated: `*`, `host`, `.domain`, `domain`, each with an optional `:port`) covers the target. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) continue;
    const name = match[1].replace(/^\[(.*)\]$/, '$1').replace(/^\*?\./, '.');
    if (match[2] !== undefined && match[2] !== port) continue;
    const bare = name.startsWith('.') ? name.slice(1) : name;
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/**
 * The proxy an outgoing request to `target` goes through, or undefined for a direct connection: `http.proxy` when
 * set, else HTTPS_PROXY for https targets and HTTP_PROXY for http ones; NO_PROXY exempts targets either way. A
 * proxy that is not an http:// URL is an error naming where it came from.
 */
export function proxyFor(target: URL, config: ProxyConfig): URL | undefined {
  if (bypassesProxy(target, envValue(config.env, 'no_proxy'))) return undefined;
  const fromSetting = config.httpProxy?.trim() ? { value: config.httpProxy.trim(), source: 'http.proxy' } : undefined;
  const variable = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const fromEnv = envValue(config.env, variable);
  const chosen = fromSetting ?? (fromEnv === undefined ? undefined : { value: fromEnv, source: variable.toUpperCase() });
  if (chosen === undefined) return undefined;
  let proxy: URL;
  try {
    // `host:port` alone, as many set it, means an http proxy.
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`);
  } catch {
    throw new TypeError(`${chosen.source}: not a proxy URL`);
  }
  if (proxy.protocol !== 'http:') throw new TypeError(`${chosen.source}: only http:// proxies are supported, got ${proxy.protocol}//`);
  return proxy;
}
