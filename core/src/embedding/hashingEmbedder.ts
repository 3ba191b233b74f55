import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import { DocumentFrequencies } from './documentFrequencies';
import { FeatureCounter } from './featureCounter';
import { collectFeatureHashes } from './hashingFeatures';
import { l2NormalizeInPlace } from '../util/l2Normalize';
import { ConfigError } from '../util';

/** Settings of the {@link HashingEmbedder}. Every field is part of the embedder's `id`. */
export interface HashingEmbedderConfig {
  /**
   * Length of every vector: the number of hash buckets. More buckets mean fewer collisions between
   * unrelated features but larger indices. Integer, 16..65536.
   * @default 512
   */
  dimension: number;
  /**
   * Shortest character n-gram taken from each word part (padded with a space on each side).
   * Integer, 1..maxCharGram.
   * @default 3
   */
  minCharGram: number;
  /**
   * Longest character n-gram. Integer, minCharGram..8.
   * @default 5
   */
  maxCharGram: number;
  /**
   * Only the first this many UTF-16 code units of a text are embedded, which bounds the cost of one
   * embed; what identifies a span or a code window is near its start. Integer ≥ 1.
   * @default 2000
   */
  maxChars: number;
  /**
   * Whether pairs of consecutive word parts are features too (word order, short phrases).
   * @default true
   */
  wordBigrams: boolean;
  /**
   * Size of the document-frequency table (feature hashes are counted modulo this). Integer, 1..2^28;
   * 2^20 slots take 4 MiB.
   * @default 1048576
   */
  idfSlots: number;
}

export const DEFAULT_HASHING_EMBEDDER_CONFIG: Readonly<HashingEmbedderConfig> = Object.freeze({
  dimension: 512,
  minCharGram: 3,
  maxCharGram: 5,
  maxChars: 2000,
  wordBigrams: true,
  idfSlots: 1 << 20,
});

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError('BAD_HASHING_EMBEDDER_CONFIG', 'hashing embedder', field, value, `an integer in ${min}..${max}`);
  }
}

function validate(config: HashingEmbedderConfig): void {
  checkInteger('dimension', config.dimension, 16, 65536);
  checkInteger('maxCharGram', config.maxCharGram, 1, 8);
  checkInteger('minCharGram', config.minCharGram, 1, config.maxCharGram);
  checkInteger('maxChars', config.maxChars, 1, Number.MAX_SAFE_INTEGER);
  checkInteger('idfSlots', config.idfSlots, 1, 1 << 28);
}

/**
 * The default embedder, needing no download: feature hashing (FNV-1a, 32-bit, finalised with
 * MurmurHash3's fmix32; low bits pick the bucket, the top bit the sign, so collisions cancel out on
 * average instead of piling up) of word parts, compound identifiers, word bigrams and character
 * 3–5-grams, weighted by TF-IDF with sublinear tf (`1 + ln tf`) and the smoothed idf of
 * {@link DocumentFrequencies} (1 for every feature until `fit` or `update` is called), then
 * L2-normalised. A text without any word yields the zero vector. Deterministic: same config, same
 * idf state and same text give the same bits.
 */
export class HashingEmbedder implements Embedder {
  readonly config: Readonly<HashingEmbedderConfig>;
  private frequencies: DocumentFrequencies;
  private readonly counter = new FeatureCounter();

  constructor(config: Partial<HashingEmbedderConfig> = {}, frequencies?: DocumentFrequencies) {
    this.config = Object.freeze({ ...DEFAULT_HASHING_EMBEDDER_CONFIG, ...config });
    validate(this.config);
    if (frequencies && frequencies.slots !== this.config.idfSlots) {
      throw new ConfigError('BAD_HASHING_EMBEDDER_CONFIG', 'hashing embedder', 'idfSlots', frequencies.slots, `equal to the table's slots (${this.config.idfSlots})`);
    }
    this.frequencies = frequencies ?? new DocumentFrequencies(this.config.idfSlots);
  }

  get dimension(): number {
    return this.config.dimension;
  }

  /** Config and the idf state's digest: any change to either invalidates cached vectors. */
  get id(): string {
    const c = this.config;
    const idf = this.frequencies.documentCount === 0 ? 'none' : this.frequencies.digest().slice(0, 16);
    return `hashing-v1:d${c.dimension}:c${c.minCharGram}-${c.maxCharGram}:m${c.maxChars}:b${c.wordBigrams ? 1 : 0}:s${c.idfSlots}:idf-${idf}`;
  }

  get documentFrequencies(): DocumentFrequencies {
    return this.frequencies;
  }

  /** Replaces the idf state with one learned from `texts`. */
  fit(texts: Iterable<string>, token?: Cancellation): void {
    this.frequencies = new DocumentFrequencies(this.config.idfSlots);
    this.update(texts, token);
  }

  /** Adds `texts` to the idf state (for example spans ingested since the last fit). */
  update(texts: Iterable<string>, token?: Cancellation): void {
    const distinct: number[] = [];
    let seen = 0;
    for (const text of texts) {
      if (++seen % 256 === 0) throwIfCancelled(token, 'fitting document frequencies');
      this.counter.clear();
      collectFeatureHashes(text, this.config, this.counter);
      distinct.length = 0;
      this.counter.forEach((hash) => distinct.push(hash));
      this.frequencies.addDocument(distinct);
    }
  }

  /** Synchronous single-text embedding for hot paths. */
  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.config.dimension);
    const dimension = this.config.dimension;
    const frequencies = this.frequencies;
    this.counter.clear();
    collectFeatureHashes(text, this.config, this.counter);
    this.counter.forEach((hash, count) => {
      const weight = (1 + Math.log(count)) * frequencies.idf(hash);
      const bucket = (hash & 0x7fffffff) % dimension;
      vector[bucket] += hash & 0x80000000 ? -weight : weight;
    });
    return l2NormalizeInPlace(vector);
  }

  async embed(texts: readonly string[], token?: Cancellation): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      if (i % 256 === 0) throwIfCancelled(token, 'embedding');
      vectors.push(this.embedOne(texts[i]));
    }
    return vectors;
  }
}
