/**
 * Counts 32-bit feature hashes in an open-addressing table that is reused across texts, so counting
 * the features of a text allocates nothing and costs O(features) (a Map or a sort per text was the
 * bottleneck of embedding). Distinct hashes are visited in first-seen order, which is deterministic.
 */
export class FeatureCounter {
  private keys = new Uint32Array(4096);
  private counts = new Uint32Array(4096);
  /** Slots in use, in first-seen order. */
  private used = new Int32Array(2048);
  private distinct = 0;

  get distinctCount(): number {
    return this.distinct;
  }

  push(hash: number): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    for (;;) {
      const count = this.counts[slot];
      if (count === 0) break;
      if (this.keys[slot] === hash) {
        this.counts[slot] = count + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = hash;
    this.counts[slot] = 1;
    this.used[this.distinct++] = slot;
    // Keep the load factor at or below 1/2 so probe chains stay short.
    if (this.distinct * 2 >= this.keys.length) this.grow();
  }

  clear(): void {
    for (let i = 0; i < this.distinct; i++) this.counts[this.used[i]] = 0;
    this.distinct = 0;
  }

  /** Calls `visit(hash, count)` once per distinct hash, in first-seen order. */
  forEach(visit: (hash: number, count: number) => void): void {
    for (let i = 0; i < this.distinct; i++) {
      const slot = this.used[i];
      visit(this.keys[slot], this.counts[slot]);
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldUsed = this.used.subarray(0, this.distinct);
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Uint32Array(oldCounts.length * 2);
    const used = new Int32Array(this.keys.length / 2);
    const mask = this.keys.length - 1;
    oldUsed.forEach((oldSlot, i) => {
      let slot = oldKeys[oldSlot] & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[oldSlot];
      this.counts[slot] = oldCounts[oldSlot];
      used[i] = slot;
    });
    this.used = used;
  }
}
