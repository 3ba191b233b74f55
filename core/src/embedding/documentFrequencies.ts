import { sha256BytesHex } from '../util/sha256';

/** A serialisable snapshot of a {@link DocumentFrequencies} table (sparse: only non-zero slots). */
export interface DocumentFrequenciesJson {
  slots: number;
  documentCount: number;
  /** `[slot, count]` pairs in ascending slot order. */
  entries: Array<[number, number]>;
}

/** The table's content is not a valid {@link DocumentFrequenciesJson}. */
export class DocumentFrequenciesError extends Error {
  readonly code = 'BAD_DOCUMENT_FREQUENCIES' as const;

  constructor(message: string) {
    super(`document frequencies: ${message}`);
    this.name = 'DocumentFrequenciesError';
  }
}

/**
 * How many documents contain each feature, for IDF weights. Counts are kept per feature hash modulo
 * `slots` (a fixed-size table rather than a map) so lookups on the embedding hot path are one array
 * read; unrelated features that share a slot share a count, an approximation that a large table
 * (2^20 slots by default) keeps rare.
 */
export class DocumentFrequencies {
  private readonly counts: Uint32Array;
  private documents = 0;
  private cachedDigest: string | undefined;
  /** idf per slot, rebuilt lazily after updates: one array read instead of a log per feature. */
  private idfTable: Float64Array | undefined;

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new DocumentFrequenciesError(`slots must be a positive integer, got ${slots}`);
    this.counts = new Uint32Array(slots);
  }

  get documentCount(): number {
    return this.documents;
  }

  /** Records one document given its distinct (mixed) feature hashes. */
  addDocument(distinctHashes: ArrayLike<number>): void {
    for (let i = 0; i < distinctHashes.length; i++) this.counts[distinctHashes[i] % this.slots]++;
    this.documents++;
    this.cachedDigest = undefined;
    this.idfTable = undefined;
  }

  /**
   * Smoothed inverse document frequency, `ln((1 + N) / (1 + df)) + 1` (as scikit-learn's
   * `smooth_idf`): always ≥ 1, so even a feature in every document keeps some weight, and unseen
   * features get the highest weight. With no documents recorded every idf is exactly 1.
   */
  idf(hash: number): number {
    if (this.documents === 0) return 1;
    if (this.idfTable === undefined) this.idfTable = this.buildIdfTable();
    return this.idfTable[hash % this.slots];
  }

  private buildIdfTable(): Float64Array {
    const table = new Float64Array(this.slots);
    for (let slot = 0; slot < this.slots; slot++) table[slot] = Math.log((1 + this.documents) / (1 + this.counts[slot])) + 1;
    return table;
  }

  /** SHA-256 over the table; changes whenever any idf can change. Cached until the next update. */
  digest(): string {
    if (this.cachedDigest === undefined) {
      const header = new Uint32Array([this.slots, this.documents]);
      const bytes = new Uint8Array(8 + this.counts.byteLength);
      bytes.set(new Uint8Array(header.buffer), 0);
      bytes.set(new Uint8Array(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength), 8);
      this.cachedDigest = sha256BytesHex(bytes);
    }
    return this.cachedDigest;
  }

  toJSON(): DocumentFrequenciesJson {
    const entries: Array<[number, number]> = [];
    for (let slot = 0; slot < this.slots; slot++) if (this.counts[slot] > 0) entries.push([slot, this.counts[slot]]);
    return { slots: this.slots, documentCount: this.documents, entries };
  }

  static fromJSON(json: DocumentFrequenciesJson): DocumentFrequencies {
    if (!Number.isInteger(json.documentCount) || json.documentCount < 0) {
      throw new DocumentFrequenciesError(`documentCount must be a non-negative integer, got ${json.documentCount}`);
    }
    const table = new DocumentFrequencies(json.slots);
    for (const [slot, count] of json.entries) {
      if (!Number.isInteger(slot) || slot < 0 || slot >= json.slots) throw new DocumentFrequenciesError(`slot ${slot} is out of range`);
      if (!Number.isInteger(count) || count < 0 || count > json.documentCount) {
        throw new DocumentFrequenciesError(`count ${count} at slot ${slot} is not within 0..documentCount`);
      }
      table.counts[slot] = count;
    }
    table.documents = json.documentCount;
    return table;
  }
}
