import { attributesMatch, domainUnder, monthOf, monthRange, normalizeDomain, qualityBucketOf } from './attributeFilter';
import type { AttributeFilter, Attributes } from './attributeFilter';
import { decodeAttributeIndex, encodeAttributeIndex } from './attributeIndexCodec';

type Postings = Map<string, Set<number>>;

function addTo(postings: Postings, key: string, slot: number): void {
  let set = postings.get(key);
  if (!set) postings.set(key, (set = new Set()));
  set.add(slot);
}

function removeFrom(postings: Postings, key: string, slot: number): void {
  const set = postings.get(key);
  set?.delete(slot);
  if (set?.size === 0) postings.delete(key);
}

/**
 * Id sets per attribute value, for filtering and for the planner's selectivity estimates: domain (slash paths,
 * prefix queries), action (exact), quality (buckets of 10) and time (UTC month buckets, range queries). Documents
 * live in reusable integer slots so each set holds small integers, not strings. Counts for domain and action are
 * exact; for quality and time ranges they sum the overlapping buckets (an upper bound: the edge buckets may hold
 * values outside the range), and {@link ids} then checks the stored values, so results are always exact.
 */
export class AttributeIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly ids_: Array<string | undefined> = [];
  private readonly attributes: Array<Attributes | undefined> = [];
  private readonly free: number[] = [];
  private readonly byDomain: Postings = new Map();
  private readonly byAction: Postings = new Map();
  private readonly byQuality: Postings = new Map();
  private readonly byMonth: Postings = new Map();

  /** Loads what {@link serialize} wrote; a damaged or foreign file is an `IndexFormatError`. */
  static deserialize(bytes: Uint8Array): AttributeIndex {
    const index = new AttributeIndex();
    for (const [id, attributes] of decodeAttributeIndex(bytes)) index.add(id, attributes);
    return index;
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  get(id: string): Attributes | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : { ...this.attributes[slot] };
  }

  /** Adds `id`, replacing what was stored under it. A quality or time that is not a finite number is a TypeError. */
  add(id: string, attributes: Attributes): void {
    const clean = checked(attributes);
    this.remove(id);
    const slot = this.free.pop() ?? this.ids_.length;
    this.ids_[slot] = id;
    this.attributes[slot] = clean;
    this.slotOf.set(id, slot);
    this.forEachKey(clean, (postings, key) => addTo(postings, key, slot));
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.forEachKey(this.attributes[slot] ?? {}, (postings, key) => removeFrom(postings, key, slot));
    this.slotOf.delete(id);
    this.ids_[slot] = undefined;
    this.attributes[slot] = undefined;
    this.free.push(slot);
    return true;
  }

  /** Whether `id` is indexed and satisfies `filter`. */
  matches(id: string, filter: AttributeFilter): boolean {
    const slot = this.slotOf.get(id);
    return slot !== undefined && attributesMatch(this.attributes[slot] ?? {}, filter);
  }

  /** How many documents `filter` selects: exact for domain and action, a bucket upper bound for ranges. */
  count(filter: AttributeFilter): number {
    let total = 0;
    for (const [, set] of this.buckets(filter)) total += set.size;
    return total;
  }

  /** Whether {@link count} is exact for `filter` (ranges that cover their buckets whole). */
  countIsExact(filter: AttributeFilter): boolean {
    return this.buckets(filter).every(([whole]) => whole);
  }

  /** The ids `filter` selects, exactly. */
  ids(filter: AttributeFilter): Set<string> {
    const out = new Set<string>();
    for (const [whole, set] of this.buckets(filter)) {
      for (const slot of set) if (whole || attributesMatch(this.attributes[slot] ?? {}, filter)) out.add(this.ids_[slot] as string);
    }
    return out;
  }

  /** Distinct values of a field with their document counts, most frequent first (months and buckets by key). */
  values(field: AttributeFilter['field']): Array<{ value: string; count: number }> {
    const postings = { domain: this.byDomain, action: this.byAction, quality: this.byQuality, time: this.byMonth }[field];
    return [...postings].map(([value, set]) => ({ value, count: set.size })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }

  /** Every document and its attributes, in id order. */
  entries(): Array<[string, Attributes]> {
    return [...this.slotOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, slot]) => [id, { ...this.attributes[slot] }]);
  }

  /** A self-checking binary image (see attributeIndexCodec). */
  serialize(): Uint8Array {
    return encodeAttributeIndex(this.entries());
  }

  private forEachKey(attributes: Attributes, visit: (postings: Postings, key: string) => void): void {
    if (attributes.domain !== undefined) visit(this.byDomain, attributes.domain);
    if (attributes.action !== undefined) visit(this.byAction, attributes.action);
    if (attributes.quality !== undefined) visit(this.byQuality, String(qualityBucketOf(attributes.quality) * 10));
    if (attributes.time !== undefined) visit(this.byMonth, monthOf(attributes.time));
  }

  /** The value sets a filter touches, each flagged `whole` when every member satisfies the filter. */
  private buckets(filter: AttributeFilter): Array<[boolean, Set<number>]> {
    const out: Array<[boolean, Set<number>]> = [];
    switch (filter.field) {
      case 'domain': {
        const prefix = normalizeDomain(filter.prefix);
        for (const [domain, set] of this.byDomain) if (domainUnder(domain, prefix)) out.push([true, set]);
        break;
      }
      case 'action': {
        const set = this.byAction.get(filter.equals);
        if (set) out.push([true, set]);
        break;
      }
      case 'quality':
        for (const [key, set] of this.byQuality) {
          // The end buckets also hold the clamped values below 0 and above 100.
          const low = key === '0' ? -Infinity : Number(key);
          out.push(...overlap(low, key === '100' ? Infinity : Number(key) + 10, filter.min, filter.max, set));
        }
        break;
      case 'time':
        for (const [month, set] of this.byMonth) {
          const [start, end] = monthRange(month);
          out.push(...overlap(start, end, filter.from, filter.to, set));
        }
        break;
    }
    return out;
  }
}

/** A bucket holding values in [low, end) against the inclusive range [min, max]: none, partial or whole. */
function overlap(low: number, end: number, min = -Infinity, max = Infinity, set: Set<number>): Array<[boolean, Set<number>]> {
  if (end <= min || low > max) return [];
  return [[low >= min && end <= max, set]];
}

function checked(attributes: Attributes): Attributes {
  const out: Attributes = {};
  if (attributes.domain !== undefined) out.domain = normalizeDomain(attributes.domain);
  if (attributes.action !== undefined) out.action = attributes.action;
  for (const field of ['quality', 'time'] as const) {
    const value = attributes[field];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) throw new TypeError(`AttributeIndex: ${field} must be a finite number, got ${value}`);
    out[field] = value;
  }
  return out;
}
