/**
 * Keeps the `k` best (score, slot) pairs seen so far in a binary min-heap: the weakest kept pair is
 * at the root, so each new candidate costs O(1) when it loses and O(log k) when it wins. Selecting
 * k of n this way is O(n log k) instead of the O(n log n) of a full sort.
 */
export class TopKHeap {
  private readonly scores: Float64Array;
  private readonly slots: Int32Array;
  private count = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.slots = new Int32Array(k);
  }

  get size(): number {
    return this.count;
  }

  /** The score a candidate must beat to enter a full heap. */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0];
  }

  offer(score: number, slot: number): void {
    if (this.count < this.k) {
      this.scores[this.count] = score;
      this.slots[this.count] = slot;
      this.siftUp(this.count++);
    } else if (score > this.scores[0]) {
      this.scores[0] = score;
      this.slots[0] = slot;
      this.siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  drain(): Array<{ score: number; slot: number }> {
    const out: Array<{ score: number; slot: number }> = [];
    for (let i = 0; i < this.count; i++) out.push({ score: this.scores[i], slot: this.slots[i] });
    return out.sort((a, b) => b.score - a.score);
  }

  private less(i: number, j: number): boolean {
    return this.scores[i] < this.scores[j];
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i];
    this.scores[i] = this.scores[j];
    this.scores[j] = score;
    const slot = this.slots[i];
    this.slots[i] = this.slots[j];
    this.slots[j] = slot;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.count && this.less(left, smallest)) smallest = left;
      if (right < this.count && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
