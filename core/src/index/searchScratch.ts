import { ensureCapacity } from './growTypedArray';

/** Not yet seen by this query. */
export const UNSEEN = 0;
/** Seen and accepted: its accumulator holds a partial score. */
export const CANDIDATE = 1;
/** Seen and refused (removed, or rejected by the filter): never scored. */
export const REFUSED = 2;

/**
 * Per-slot accumulators reused across queries, so a search allocates nothing proportional to the collection.
 * Only touched slots are reset afterwards, so a query costs what it scans, not the collection size.
 */
export class SearchScratch {
  acc = new Float64Array(0);
  state = new Uint8Array(0);
  touched = new Int32Array(1024);
  count = 0;

  ensure(slotCount: number): void {
    if (this.acc.length < slotCount) {
      this.acc = new Float64Array(slotCount);
      this.state = new Uint8Array(slotCount);
    }
  }

  touch(slot: number, state: number): void {
    if (this.count === this.touched.length) this.touched = ensureCapacity(this.touched, this.count + 1);
    this.touched[this.count++] = slot;
    this.state[slot] = state;
  }

  reset(): void {
    for (let i = 0; i < this.count; i++) {
      this.acc[this.touched[i]] = 0;
      this.state[this.touched[i]] = UNSEEN;
    }
    this.count = 0;
  }
}
