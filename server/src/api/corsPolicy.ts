import { ApiError } from './apiError';

/** The methods and request headers a web page of an allowed origin may use (what the OpenAI API needs). */
const ALLOWED_METHODS = ['GET', 'POST', 'OPTIONS'];
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id'];
/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/** What a request's CORS headers decide: the headers to add to its answer, and whether it is a preflight. */
export interface CorsDecision {
  headers: Record<string, string>;
  /** An `OPTIONS` with `Access-Control-Request-Method`: answered 204 with these headers, never routed. */
  preflight: boolean;
}

/** `scheme://host[:port]` of a configured origin, refusing anything else (a path, a wildcard, a bare name). */
function parseOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    throw new TypeError(`not an origin: '${entry}' (expected scheme://host[:port], e.g. http://localhost:5173)`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.trim().replace(/\/$/, '').toLowerCase()) {
    throw new TypeError(`not an origin: '${entry}' (expected scheme://host[:port] with no path, e.g. http://localhost:5173)`);
  }
  return url.origin;
}

/**
 * Which web pages may call the API from a browser (`--cors-origin`, ARENALAB_CORS_ORIGINS): none by default. A request
 * with no `Origin` header (curl, SDKs, editors) is not a browser's cross-origin call and passes untouched. A request
 * from an allowed origin gets `Access-Control-Allow-Origin` naming it (never `*`, so keys stay usable only there);
 * one from any other origin is refused with 403 before it does anything, preflight or not, which also keeps a page
 * from posting a "simple" form or text request it could not read the answer of. The Host check runs first, as before.
 */
export class CorsPolicy {
  private readonly origins: Set<string>;

  constructor(configured: readonly string[] = []) {
    this.origins = new Set(configured.map(parseOrigin));
  }

  get allowedOrigins(): readonly string[] {
    return [...this.origins];
  }

  /** The CORS headers for a request, or a 403 `origin_not_allowed` for an origin that is not allowed. */
  decide(method: string, headers: Readonly<Record<string, string | string[] | undefined>>): CorsDecision {
    const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
    if (origin === undefined) return { headers: {}, preflight: false };
    if (!this.origins.has(origin.toLowerCase())) {
      const how = this.origins.size === 0 ? 'no origin is allowed by default; allow it with --cors-origin ORIGIN (or ARENALAB_CORS_ORIGINS)' : `allowed: ${[...this.origins].join(', ')}`;
      throw new ApiError(403, 'permission_error', `Origin '${origin.slice(0, 100)}' may not call this server from a browser (${how}).`, null, 'origin_not_allowed', { vary: 'Origin' });
    }
    const allowed = { 'access-control-allow-origin': origin, vary: 'Origin' };
    const requested = headers['access-control-request-method'];
    if (method !== 'OPTIONS' || typeof requested !== 'string') return { headers: { ...allowed, 'access-control-expose-headers': 'x-request-id, retry-after' }, preflight: false };
    return {
      preflight: true,
      headers: {
        ...allowed,
        'access-control-allow-methods': ALLOWED_METHODS.join(', '),
        'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
      },
    };
  }
}

/** The origins of ARENALAB_CORS_ORIGINS (comma separated). */
export function corsOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
}
