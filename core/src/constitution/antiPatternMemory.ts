import type { Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { Embedder } from '../ports/embedder';
import { cosineSimilarity } from '../util/cosineSimilarity';
import type { OutputKind } from './principle';

/** An output that once violated a hard, content-based principle; similar outputs are blocked from then on. */
export interface AntiPattern {
  principleId: string;
  kind: OutputKind;
  /** The offending output as it was produced. */
  text: string;
  reason: string;
  /** Milliseconds since the epoch (from the injected clock). */
  recordedAt: number;
}

/** The closest remembered violation to a text. */
export interface AntiPatternMatch {
  pattern: AntiPattern;
  similarity: number;
}

/**
 * Violations kept as negative examples, so an output resembling one is blocked the next time, not only the exact
 * same text. Plain records in, plain records out (`list`), so the host decides where
 * they persist; vectors are recomputed with the embedder given, which keeps them valid if the embedder changes.
 */
export class AntiPatternMemory {
  private readonly patterns: AntiPattern[] = [];
  private readonly vectors: Float32Array[] = [];

  private constructor(private readonly embedder: Embedder) {}

  /** A memory holding `records` (for example read back from the store). */
  static async create(embedder: Embedder, records: readonly AntiPattern[] = [], token?: Cancellation): Promise<AntiPatternMemory> {
    const memory = new AntiPatternMemory(embedder);
    const vectors = await embedder.embed(records.map((record) => record.text), token);
    records.forEach((record, i) => {
      memory.patterns.push({ ...record });
      memory.vectors.push(vectors[i]);
    });
    return memory;
  }

  get size(): number {
    return this.patterns.length;
  }

  list(): AntiPattern[] {
    return this.patterns.map((pattern) => ({ ...pattern }));
  }

  /** Remembers an offending output; an identical text already remembered for the same principle is not added twice. */
  async record(entry: Omit<AntiPattern, 'recordedAt'>, clock: Clock, token?: Cancellation): Promise<boolean> {
    if (entry.text.trim() === '') return false;
    if (this.patterns.some((p) => p.principleId === entry.principleId && p.text === entry.text)) return false;
    const [vector] = await this.embedder.embed([entry.text], token);
    this.patterns.push({ ...entry, recordedAt: clock.now() });
    this.vectors.push(vector);
    return true;
  }

  /** The most similar remembered violation of an output of the same kind, if any reaches `threshold`. */
  async nearest(text: string, kind: OutputKind, threshold: number, token?: Cancellation): Promise<AntiPatternMatch | undefined> {
    if (this.patterns.length === 0 || text.trim() === '') return undefined;
    const [vector] = await this.embedder.embed([text], token);
    let best: AntiPatternMatch | undefined;
    this.patterns.forEach((pattern, i) => {
      if (pattern.kind !== kind) return;
      const similarity = cosineSimilarity(vector, this.vectors[i]);
      if (similarity >= threshold && (best === undefined || similarity > best.similarity)) best = { pattern, similarity };
    });
    return best;
  }
}
