import type { VectorIndex } from '../index/vectorIndex';
import { EmbeddingDimensionError } from './datasetErrors';

/**
 * Embeddings by span id in one contiguous Float32Array. Immutable: `get` returns a copy and `with` returns a
 * new table, so a frozen dataset's vectors cannot change either (typed arrays cannot be Object.frozen).
 */
export class EmbeddingTable {
  readonly #data: Float32Array;
  readonly #slotOf: Map<string, number>;

  private constructor(
    readonly embedderId: string,
    readonly dimension: number,
    data: Float32Array,
    private readonly order: readonly string[],
  ) {
    this.#data = data;
    this.#slotOf = new Map(order.map((id, slot) => [id, slot]));
  }

  static from(embedderId: string, dimension: number, entries: Iterable<[string, Float32Array]>): EmbeddingTable {
    const list = [...entries];
    const data = new Float32Array(list.length * dimension);
    list.forEach(([, vector], slot) => {
      if (vector.length !== dimension) throw new EmbeddingDimensionError(dimension, vector.length);
      data.set(vector, slot * dimension);
    });
    return new EmbeddingTable(embedderId, dimension, data, list.map(([id]) => id));
  }

  get size(): number {
    return this.order.length;
  }

  ids(): string[] {
    return [...this.order];
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  get(id: string): Float32Array | undefined {
    const slot = this.#slotOf.get(id);
    return slot === undefined ? undefined : this.#data.slice(slot * this.dimension, (slot + 1) * this.dimension);
  }

  /** A new table with one more entry (or `id` replaced). */
  with(id: string, vector: Float32Array): EmbeddingTable {
    const entries = this.order.filter((other) => other !== id).map((other): [string, Float32Array] => [other, this.get(other)!]);
    return EmbeddingTable.from(this.embedderId, this.dimension, [...entries, [id, vector]]);
  }

  /** Loads every vector into a fresh index (HNSW in the host, brute force in tests). */
  toIndex(createIndex: (dimension: number) => VectorIndex): VectorIndex {
    const index = createIndex(this.dimension);
    for (const id of this.order) index.add(id, this.get(id)!);
    return index;
  }
}
