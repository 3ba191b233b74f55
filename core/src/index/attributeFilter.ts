/** What the attribute index knows about one document. Times are epoch milliseconds (UTC). */
export interface Attributes {
  /** Slash-separated path such as `programming/typescript`. */
  domain?: string;
  /** The action (`did`), matched exactly. */
  action?: string;
  /** Quality score 0–100. */
  quality?: number;
  /** When it happened, epoch ms. */
  time?: number;
}

/** One attribute condition. Ranges are inclusive; a missing bound is open. */
export type AttributeFilter =
  | { field: 'domain'; prefix: string }
  | { field: 'action'; equals: string }
  | { field: 'quality'; min?: number; max?: number }
  | { field: 'time'; from?: number; to?: number };

/** `a/b/` and `/a/b` are `a/b`: paths are compared segment by segment. */
export function normalizeDomain(domain: string): string {
  return domain.replace(/^\/+|\/+$/g, '');
}

/** Whether `domain` is `prefix` or lies under it (`programming` covers `programming/typescript`, not `programmingx`). */
export function domainUnder(domain: string, prefix: string): boolean {
  return prefix === '' || domain === prefix || domain.startsWith(prefix + '/');
}

/** Quality bucket index 0–10 (scores 0–9 → 0, …, 90–99 → 9, 100 → 10), buckets of 10. */
export function qualityBucketOf(quality: number): number {
  return Math.min(10, Math.max(0, Math.floor(quality / 10)));
}

/** UTC month of an epoch-ms time, `YYYY-MM`. */
export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** [start, end) of a `YYYY-MM` month in epoch ms. */
export function monthRange(month: string): [number, number] {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return [Date.UTC(year, index, 1), Date.UTC(year, index + 1, 1)];
}

const inRange = (value: number, min = -Infinity, max = Infinity) => value >= min && value <= max;

/** Whether attributes satisfy a filter (a document without the attribute never does). */
export function attributesMatch(attributes: Attributes, filter: AttributeFilter): boolean {
  switch (filter.field) {
    case 'domain':
      return attributes.domain !== undefined && domainUnder(attributes.domain, normalizeDomain(filter.prefix));
    case 'action':
      return attributes.action === filter.equals;
    case 'quality':
      return attributes.quality !== undefined && inRange(attributes.quality, filter.min, filter.max);
    case 'time':
      return attributes.time !== undefined && inRange(attributes.time, filter.from, filter.to);
  }
}

/** A short readable form for plans: `domain^=programming`, `quality in [80, 100]`. */
export function describeAttributeFilter(filter: AttributeFilter): string {
  const bound = (x: number | undefined, open: string) => (x === undefined ? open : String(x));
  const time = (x: number | undefined, open: string) => (x === undefined ? open : new Date(x).toISOString());
  switch (filter.field) {
    case 'domain':
      return `domain^=${normalizeDomain(filter.prefix)}`;
    case 'action':
      return `action=${filter.equals}`;
    case 'quality':
      return `quality in [${bound(filter.min, '-inf')}, ${bound(filter.max, 'inf')}]`;
    case 'time':
      return `time in [${time(filter.from, '-inf')}, ${time(filter.to, 'inf')}]`;
  }
}
