import { ensureCapacity, trimmed } from './growTypedArray';

const EMPTY_SLOTS = new Uint32Array(0);
const EMPTY_TFS = new Uint16Array(0);

/** Term frequencies above this are stored as this; BM25 saturates long before (tf 65535 vs more differs < 1e-4). */
export const MAX_STORED_TF = 0xffff;

/**
 * One posting list per term id: document slots in ascending order (slots only ever grow between compactions) and
 * their term frequencies, each in its own growable typed array. `df` counts *live* documents, so BM25 statistics
 * stay exact while removed documents still sit in the lists as tombstones until the next compaction.
 */
export class PostingLists {
  slots: Uint32Array[] = [];
  tfs: Uint16Array[] = [];
  /** Postings stored per term, tombstones included. */
  length = new Int32Array(16);
  /** Live documents containing the term. */
  df = new Int32Array(16);
  /** Largest tf ever stored for the term: an upper bound for pruning (never lowered on removal, so still a bound). */
  maxTf = new Uint16Array(16);
  /**
   * Shortest document ever stored in the list (not raised on removal, so still a bound). With `maxTf` it bounds the
   * term's BM25 contribution far tighter than assuming an empty document: windows of similar length ⇒ ~40 % lower.
   */
  minLength = new Uint32Array(16);

  get termCount(): number {
    return this.slots.length;
  }

  /** Makes room for term ids below `count`. */
  ensureTerms(count: number): void {
    while (this.slots.length < count) {
      this.slots.push(EMPTY_SLOTS);
      this.tfs.push(EMPTY_TFS);
    }
    this.length = ensureCapacity(this.length, count);
    this.df = ensureCapacity(this.df, count);
    this.maxTf = ensureCapacity(this.maxTf, count);
    this.minLength = ensureCapacity(this.minLength, count);
  }

  append(term: number, slot: number, tf: number, docLength: number): void {
    const at = this.length[term];
    if (at === this.slots[term].length) {
      this.slots[term] = ensureCapacity(this.slots[term], at + 1);
      this.tfs[term] = ensureCapacity(this.tfs[term], at + 1);
    }
    const stored = Math.min(tf, MAX_STORED_TF);
    this.slots[term][at] = slot;
    this.tfs[term][at] = stored;
    this.length[term] = at + 1;
    this.df[term]++;
    if (stored > this.maxTf[term]) this.maxTf[term] = stored;
    if (at === 0 || docLength < this.minLength[term]) this.minLength[term] = docLength;
  }

  /** Drops postings of slots mapped to -1 and renumbers the rest; `slotMap` is monotonic so lists stay sorted. */
  compact(slotMap: Int32Array, docLength: Uint32Array): void {
    for (let term = 0; term < this.slots.length; term++) {
      const slots = this.slots[term];
      const tfs = this.tfs[term];
      let kept = 0;
      let maxTf = 0;
      let minLength = 0xffffffff;
      for (let i = 0; i < this.length[term]; i++) {
        const moved = slotMap[slots[i]];
        if (moved < 0) continue;
        if (docLength[slots[i]] < minLength) minLength = docLength[slots[i]];
        slots[kept] = moved;
        tfs[kept] = tfs[i];
        if (tfs[i] > maxTf) maxTf = tfs[i];
        kept++;
      }
      this.minLength[term] = kept === 0 ? 0 : minLength;
      this.slots[term] = kept === 0 ? EMPTY_SLOTS : trimmed(slots, kept);
      this.tfs[term] = kept === 0 ? EMPTY_TFS : trimmed(tfs, kept);
      this.length[term] = kept;
      this.maxTf[term] = maxTf;
    }
  }

  /** Postings stored, tombstones included. */
  totalPostings(): number {
    let total = 0;
    for (let term = 0; term < this.slots.length; term++) total += this.length[term];
    return total;
  }

  /** Bytes held by the lists' typed arrays (capacity, not length). */
  byteSize(): number {
    let bytes = this.length.byteLength + this.df.byteLength + this.maxTf.byteLength + this.minLength.byteLength;
    for (let term = 0; term < this.slots.length; term++) bytes += this.slots[term].byteLength + this.tfs[term].byteLength;
    return bytes;
  }
}
