import { l2NormalizeInPlace } from '../util/l2Normalize';
import { DimensionMismatchError, checkDimensionValue } from '../util/dimensionMismatchError';
import { checkK } from './invalidSearchError';
import { TopKHeap } from './topKHeap';
import type { VectorHit, VectorIndex } from './vectorIndex';

/**
 * Exact cosine search: every stored vector is normalised on the way in, so similarity is a dot
 * product over one contiguous Float32Array (cache-friendly, no per-vector objects). Capacity
 * doubles when full; removal moves the last vector into the hole, so it is O(1) and storage stays
 * dense. Used where hnswlib-node is unavailable and as the oracle that HNSW recall is measured
 * against. Results are deterministic for a given sequence of adds and removes.
 */
export class BruteForceIndex implements VectorIndex {
  private data: Float32Array;
  private ids: string[] = [];
  private readonly slotOf = new Map<string, number>();

  constructor(
    readonly dimension: number,
    initialCapacity = 64,
  ) {
    checkDimensionValue(dimension, 'BruteForceIndex');
    this.data = new Float32Array(Math.max(1, initialCapacity) * dimension);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Ids in storage order (which changes on removal). */
  keys(): string[] {
    return [...this.ids];
  }

  /** A copy of the (normalised) vector stored under `id`. */
  get(id: string): Float32Array | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    return this.data.slice(slot * this.dimension, (slot + 1) * this.dimension);
  }

  add(id: string, vector: Float32Array): void {
    this.checkDimension(vector, 'BruteForceIndex.add');
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      if ((slot + 1) * this.dimension > this.data.length) this.grow();
      this.ids.push(id);
      this.slotOf.set(id, slot);
    }
    const row = this.data.subarray(slot * this.dimension, (slot + 1) * this.dimension);
    row.set(vector);
    l2NormalizeInPlace(row);
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      this.data.copyWithin(slot * this.dimension, last * this.dimension, (last + 1) * this.dimension);
      const movedId = this.ids[last];
      this.ids[slot] = movedId;
      this.slotOf.set(movedId, slot);
    }
    this.ids.pop();
    this.slotOf.delete(id);
    return true;
  }

  search(query: Float32Array, k: number): VectorHit[] {
    this.checkDimension(query, 'BruteForceIndex.search');
    checkK(k);
    const count = this.ids.length;
    if (k === 0 || count === 0) return [];
    const q = l2NormalizeInPlace(Float32Array.from(query));
    const heap = new TopKHeap(Math.min(k, count));
    const dim = this.dimension;
    const data = this.data;
    for (let slot = 0; slot < count; slot++) {
      let dot = 0;
      const base = slot * dim;
      for (let d = 0; d < dim; d++) dot += data[base + d] * q[d];
      heap.offer(dot, slot);
    }
    return heap
      .drain()
      .map(({ score, slot }) => ({ id: this.ids[slot], similarity: Math.max(-1, Math.min(1, score)) }))
      .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private checkDimension(vector: Float32Array, where: string): void {
    if (vector.length !== this.dimension) throw new DimensionMismatchError(this.dimension, vector.length, where);
  }

  private grow(): void {
    const grown = new Float32Array(Math.max(this.data.length * 2, this.dimension));
    grown.set(this.data);
    this.data = grown;
  }
}
