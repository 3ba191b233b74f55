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
    const recent = this.delta.get(hash) ?? [];
    const total = high - low + recent.length;
    // Jump by the stride rather than walking every entry: a context as common as "a line break" has millions.
    const stride = Math.max(1, Math.floor(total / cap));
    for (let i = 0; i < total && found.length < cap; i += stride) {
      const ref = i < high - low ? this.sorted[low + i] % this.scale : recent[i - (high - low)];
      if (isLive(ref)) found.push(ref);
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
