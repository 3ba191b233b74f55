import type { Clock } from '@arenalab/core';

/** Requests allowed per key; 0 turns a window off. Defaults: 60 a minute and 10,000 a day. */
export interface RateLimits {
  perMinute: number;
  perDay: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ perMinute: 60, perDay: 10_000 });

interface Window {
  start: number;
  count: number;
}

interface WindowSpec {
  name: 'minute' | 'day';
  limit: number;
  ms: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the window that refused the request opens again; 0 when allowed. */
  retryAfterS: number;
  /** `x-ratelimit-*` headers describing both windows after this request. */
  headers: Record<string, string>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** OpenAI writes resets as durations like `6m0s` or `1s`. */
function duration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}h${m}m${rest}s` : m > 0 ? `${m}m${rest}s` : `${rest}s`;
}

/**
 * Per-key request limits over two fixed windows, each opened by the key's first request in it and lasting a minute or
 * a day. A refused request does not count against the key. Time comes from the injected clock, so tests can step it.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly specs: WindowSpec[];

  constructor(limits: RateLimits, private readonly clock: Clock) {
    this.specs = [
      { name: 'minute' as const, limit: limits.perMinute, ms: MINUTE_MS },
      { name: 'day' as const, limit: limits.perDay, ms: DAY_MS },
    ].filter((spec) => spec.limit > 0);
  }

  /** Counts one request of `keyId` if every window has room; otherwise refuses it and says when to retry. */
  take(keyId: string): RateDecision {
    const now = this.clock.now();
    const current = this.specs.map((spec) => ({ spec, window: this.window(keyId, spec, now) }));
    const full = current.filter(({ spec, window }) => window.count >= spec.limit);
    if (full.length === 0) for (const { window } of current) window.count += 1;
    const retryAfterMs = Math.max(0, ...full.map(({ spec, window }) => window.start + spec.ms - now));
    return { allowed: full.length === 0, retryAfterS: full.length === 0 ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)), headers: this.headers(current, now) };
  }

  private window(keyId: string, spec: WindowSpec, now: number): Window {
    const id = `${spec.name}\u0000${keyId}`;
    let window = this.windows.get(id);
    if (!window || now >= window.start + spec.ms) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    return window;
  }

  private headers(current: { spec: WindowSpec; window: Window }[], now: number): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const { spec, window } of current) {
      const suffix = spec.name === 'minute' ? 'requests' : 'requests-day';
      headers[`x-ratelimit-limit-${suffix}`] = String(spec.limit);
      headers[`x-ratelimit-remaining-${suffix}`] = String(Math.max(0, spec.limit - window.count));
      headers[`x-ratelimit-reset-${suffix}`] = duration(window.start + spec.ms - now);
    }
    return headers;
  }
}
