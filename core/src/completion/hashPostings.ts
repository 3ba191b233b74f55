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
  private bufferSorted = true;
  private readonly scale: number;

  constructor(
    refBits: number,
    private readonly isLive: (ref: number) => boolean,
    /** Whether any reference may be dead; while none is (a first indexing), merges skip the liveness checks. */
    private readonly anyDead: () => boolean = () => true,
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
    this.bufferSorted = false;
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
    // Lookups come in bursts after adds: the buffer is sorted once (not merged: that would drop dead files that may
    // yet be revived) and binary-searched, rather than scanned on every lookup.
    if (!this.bufferSorted) {
      this.buffer.set(sortKeys(this.buffer.subarray(0, this.buffered)));
      this.bufferSorted = true;
    }
    const from = lowerBound(this.buffer, low, 0, this.buffered);
    const recent = Array.from(this.buffer.subarray(from, lowerBound(this.buffer, high, from, this.buffered)));
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
    this.runs.push(sortKeys(this.buffer.subarray(0, this.buffered)));
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
    if (!this.anyDead()) {
      while (i < a.length && j < b.length) out[n++] = a[i] <= b[j] ? a[i++] : b[j++];
      out.set(i < a.length ? a.subarray(i) : b.subarray(j), n);
      return out;
    }
    while (i < a.length || j < b.length) {
      const key = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (!dropDead || this.isLive(key % this.scale)) out[n++] = key;
    }
    return n === out.length ? out : out.slice(0, n);
  }
}

const BUFFER_SIZE = 4096;
const BUCKET_BITS = 12;
/** Keys are below 2^53 (a hash of at most 53 − refBits bits above the reference). */
const BUCKET_WIDTH = 2 ** (53 - BUCKET_BITS);

/**
 * The keys in ascending order, as a new array: a bucket pass on the top bits (hashes are spread evenly, so buckets
 * hold about one key each), then insertion sort in small buckets and the native sort in big ones (one context shared
 * by every line, like a lone line break). Several times faster than sorting a Float64Array natively.
 */
function sortKeys(keys: Float64Array): Float64Array {
  const buckets = 1 << BUCKET_BITS;
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < keys.length; i++) starts[Math.floor(keys[i] / BUCKET_WIDTH) + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const out = new Float64Array(keys.length);
  const fill = starts.slice(0, buckets);
  for (let i = 0; i < keys.length; i++) out[fill[Math.floor(keys[i] / BUCKET_WIDTH)]++] = keys[i];
  for (let b = 0; b < buckets; b++) {
    const from = starts[b];
    const to = starts[b + 1];
    if (to - from > 32) out.subarray(from, to).sort();
    else insertionSort(out, from, to);
  }
  return out;
}

function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = a[i];
    let j = i - 1;
    while (j >= from && a[j] > key) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = key;
  }
}

function lowerBound(run: Float64Array, key: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (run[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
