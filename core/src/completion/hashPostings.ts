/**
 * A multimap from 29-bit hashes to line references, built for millions of entries with 8 bytes each and no per-entry
 * objects: keys `hash × 2^refBits + ref` (exact in a float64) sit in sorted runs, log-structured: new keys fill a
 * small buffer; a full buffer is sorted into a run, and runs of similar size are merged (dropping dead references),
 * so there are O(log n) runs and adding n keys costs O(n log n) overall. A lookup binary-searches each run and scans
 * the buffer.
 */
export class HashPostings {
  private runs: Float64Array[] = [];
  private buffer = new Float64Array(BUFFER_SIZE);
  private buffered = 0;
  private readonly scale: number;

  constructor(
    refBits: number,
    private readonly isLive: (ref: number) => boolean,
  ) {
    this.scale = 2 ** refBits;
  }

  /** Keys held, dead ones included until their run is next merged. */
  get size(): number {
    return this.runs.reduce((sum, run) => sum + run.length, this.buffered);
  }

  /**
   * Postings whose keys are one sorted run (`compacted` of an earlier instance, e.g. read from a saved index): used
   * as they are, without sorting or copying.
   */
  static fromSorted(refBits: number, isLive: (ref: number) => boolean, keys: Float64Array): HashPostings {
    const postings = new HashPostings(refBits, isLive);
    if (keys.length > 0) postings.runs.push(keys);
    return postings;
  }

  /**
   * Every live key as one sorted run (the runs and the buffer merged); the postings themselves are unchanged.
   * `anyDead` false (the caller knows no reference is dead) skips the liveness checks, and a lone run is returned
   * as it is.
   */
  compacted(anyDead = true): Float64Array {
    if (!anyDead && this.buffered === 0 && this.runs.length === 1) return this.runs[0];
    let merged = this.mergeRuns(this.buffer.slice(0, this.buffered).sort(), new Float64Array(0), anyDead);
    // Smallest first (the newest runs are the smallest), so each key is copied about twice, not once per run.
    for (let i = this.runs.length - 1; i >= 0; i--) merged = this.mergeRuns(this.runs[i], merged, anyDead);
    return merged;
  }

  add(hash: number, ref: number): void {
    this.buffer[this.buffered++] = hash * this.scale + ref;
    if (this.buffered === BUFFER_SIZE) this.flush();
  }

  /**
   * Up to `cap` live references for `hash`. When there are more, an even stride over them is taken (jumping, not
   * walking: a context as common as "a line break" has millions) so the sample keeps a vote's proportions.
   */
  lookup(hash: number, cap: number): number[] {
    const low = hash * this.scale;
    const high = (hash + 1) * this.scale;
    const ranges: [Float64Array, number, number][] = [];
    let total = 0;
    for (const run of this.runs) {
      const from = lowerBound(run, low, 0, run.length);
      const to = lowerBound(run, high, from, run.length);
      if (to > from) ranges.push([run, from, to]);
      total += to - from;
    }
    const recent: number[] = [];
    for (let i = 0; i < this.buffered; i++) if (this.buffer[i] >= low && this.buffer[i] < high) recent.push(this.buffer[i]);
    total += recent.length;
    return this.sample(ranges, recent, total, cap);
  }

  private sample(ranges: [Float64Array, number, number][], recent: number[], total: number, cap: number): number[] {
    const found: number[] = [];
    const stride = Math.max(1, Math.floor(total / cap));
    let offset = 0;
    let next = 0;
    for (const [run, from, to] of ranges) {
      for (; next < offset + to - from && found.length < cap; next += stride) this.keep(run[from + next - offset], found);
      offset += to - from;
    }
    for (; next < total && found.length < cap; next += stride) this.keep(recent[next - offset], found);
    return found;
  }

  private keep(key: number, found: number[]): void {
    const ref = key % this.scale;
    if (this.isLive(ref)) found.push(ref);
  }

  private flush(): void {
    this.runs.push(this.buffer.slice(0, this.buffered).sort());
    this.buffered = 0;
    while (this.runs.length > 1 && this.runs[this.runs.length - 1].length * 2 > this.runs[this.runs.length - 2].length) {
      const newer = this.runs.pop() as Float64Array;
      const older = this.runs.pop() as Float64Array;
      this.runs.push(this.mergeRuns(older, newer));
    }
  }

  private mergeRuns(a: Float64Array, b: Float64Array, dropDead = true): Float64Array {
    const out = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length || j < b.length) {
      const key = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (!dropDead || this.isLive(key % this.scale)) out[n++] = key;
    }
    return n === out.length ? out : out.slice(0, n);
  }
}

const BUFFER_SIZE = 4096;

function lowerBound(run: Float64Array, key: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (run[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
