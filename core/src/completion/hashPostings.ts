/**
 * A multimap from 29-bit hashes to line references, built for millions of entries: the bulk lives in one sorted
 * Float64Array of keys `hash × 2^refBits + ref` (native numeric sort, binary search, 8 bytes per entry); recent
 * additions sit in a small Map until they outgrow a fraction of the bulk and are merged in. Dead references are
 * filtered at lookup and dropped at merge.
 */
export class HashPostings {
  private sorted = new Float64Array(0);
  private delta = new Map<number, number[]>();
  private deltaSize = 0;
  private readonly scale: number;

  constructor(refBits: number) {
    this.scale = 2 ** refBits;
  }

  add(hash: number, ref: number): void {
    const list = this.delta.get(hash);
    if (list) list.push(ref);
    else this.delta.set(hash, [ref]);
    this.deltaSize++;
  }

  /** Merging costs a sort of everything, so it waits until the delta is a quarter of the bulk (amortised O(log n)). */
  needsMerge(): boolean {
    return this.deltaSize > 50_000 + this.sorted.length / 4;
  }

  merge(isLive: (ref: number) => boolean): void {
    const keys: number[] = [];
    for (const key of this.sorted) if (isLive(key % this.scale)) keys.push(key);
    for (const [hash, refs] of this.delta) for (const ref of refs) if (isLive(ref)) keys.push(hash * this.scale + ref);
    this.sorted = Float64Array.from(keys).sort();
    this.delta.clear();
    this.deltaSize = 0;
  }

  /**
   * Up to `cap` live references for `hash`. When there are more, an even stride over them is taken so that the
   * sample keeps the proportions a vote needs, deterministically.
   */
  lookup(hash: number, cap: number, isLive: (ref: number) => boolean): number[] {
    const found: number[] = [];
    const low = this.lowerBound(hash * this.scale);
    const high = this.lowerBound((hash + 1) * this.scale);
    const total = high - low + (this.delta.get(hash)?.length ?? 0);
    const stride = Math.max(1, Math.floor(total / cap));
    let seen = 0;
    for (let i = low; i < high && found.length < cap; i++, seen++) {
      const ref = this.sorted[i] % this.scale;
      if (seen % stride === 0 && isLive(ref)) found.push(ref);
    }
    for (const ref of this.delta.get(hash) ?? []) {
      if (found.length >= cap) break;
      if (seen++ % stride === 0 && isLive(ref)) found.push(ref);
    }
    return found;
  }

  private lowerBound(key: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid] < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
