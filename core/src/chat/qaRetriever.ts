import type { Embedder } from '../ports/embedder';
import type { Cancellation } from '../ports/cancellation';
import { splitWords } from '../embedding/splitWords';
import { BruteForceIndex } from '../index/bruteForceIndex';
import { InvertedIndex } from '../index/invertedIndex';
import { cosineSimilarity } from '../util/cosineSimilarity';
import type { ChatEngineConfig } from './chatEngineConfig';
import type { QaPair } from './qaPair';

/** What is asked: the question, and the earlier user messages of the conversation (oldest first). */
export interface QaQuery {
  question: string;
  history: string[];
}

/** A retrieved pair with the parts of its similarity, for ranking and for explanations. */
export interface RetrievedPair {
  pair: QaPair;
  /** Cosine of the question embeddings. */
  semantic: number;
  /** Idf-weighted Dice overlap of the question words. */
  lexical: number;
  /** Cosine of the two histories, when both sides have one. */
  history?: number;
  /** The combined similarity, 0..1. */
  similarity: number;
}

const MAX_CHARS = 4000;

/** Lowercased word parts of a text, as the embedder splits them. */
export function questionTokens(text: string): string[] {
  return splitWords(text, MAX_CHARS).parts;
}

/**
 * Retrieval over question/answer pairs: candidates from BM25 over the questions (the question's words counted
 * twice, the last earlier message's once, so a follow-up finds its topic) and from the nearest question embeddings,
 * then each candidate is rescored with an absolute similarity (not BM25's corpus-relative score), so that
 * "nothing is close" can be told apart from "this is the best of a bad lot".
 */
export class QaRetriever {
  private readonly bm25 = new InvertedIndex();
  private readonly vectors: BruteForceIndex;
  private readonly historyVectors = new Map<string, Float32Array>();
  private readonly pairs = new Map<string, QaPair>();

  private constructor(private readonly embedder: Embedder, private readonly config: ChatEngineConfig) {
    this.vectors = new BruteForceIndex(embedder.dimension);
  }

  static async create(pairs: readonly QaPair[], embedder: Embedder, config: ChatEngineConfig, token?: Cancellation): Promise<QaRetriever> {
    const retriever = new QaRetriever(embedder, config);
    await retriever.add(pairs, token);
    return retriever;
  }

  /** Indexes more pairs; a pair whose span id is already indexed replaces the old one. */
  async add(pairs: readonly QaPair[], token?: Cancellation): Promise<void> {
    const questionVectors = await this.embedder.embed(pairs.map((pair) => pair.question), token);
    const withHistory = pairs.filter((pair) => pair.history.length > 0);
    const historyVectors = await this.embedder.embed(withHistory.map((pair) => pair.history.join('\n')), token);
    pairs.forEach((pair, i) => {
      if (this.pairs.has(pair.spanId)) this.remove(pair.spanId);
      this.pairs.set(pair.spanId, pair);
      this.bm25.add(pair.spanId, questionTokens(pair.question));
      this.vectors.add(pair.spanId, questionVectors[i]);
    });
    withHistory.forEach((pair, i) => this.historyVectors.set(pair.spanId, historyVectors[i]));
  }

  private remove(spanId: string): void {
    this.pairs.delete(spanId);
    this.bm25.remove(spanId);
    this.vectors.remove(spanId);
    this.historyVectors.delete(spanId);
  }

  get size(): number {
    return this.pairs.size;
  }

  /** Every candidate with its similarity, most similar first (ties by span id). */
  async retrieve(query: QaQuery, token?: Cancellation): Promise<RetrievedPair[]> {
    if (this.pairs.size === 0) return [];
    const tokens = questionTokens(query.question);
    const lastHistory = query.history.length > 0 ? questionTokens(query.history[query.history.length - 1]) : [];
    const [questionVector, historyVector] = await this.embedder.embed([query.question, query.history.join('\n')], token);
    const ids = new Set<string>();
    for (const hit of this.bm25.search([...tokens, ...tokens, ...lastHistory], this.config.candidates)) ids.add(hit.id);
    for (const hit of this.vectors.search(questionVector, this.config.candidates)) ids.add(hit.id);
    const queryWeights = this.termWeights(tokens);
    const results = [...ids].map((id) => this.score(this.pairs.get(id)!, questionVector, queryWeights, query.history.length > 0 ? historyVector : undefined));
    return results.sort((a, b) => b.similarity - a.similarity || (a.pair.spanId < b.pair.spanId ? -1 : 1));
  }

  private score(pair: QaPair, questionVector: Float32Array, queryWeights: Map<string, number>, historyVector: Float32Array | undefined): RetrievedPair {
    const semantic = Math.max(0, cosineSimilarity(questionVector, this.vectors.get(pair.spanId)!));
    const lexical = weightedDice(queryWeights, this.termWeights(questionTokens(pair.question)));
    const own = this.config.semanticWeight * semantic + (1 - this.config.semanticWeight) * lexical;
    const pairHistory = this.historyVectors.get(pair.spanId);
    if (!historyVector || !pairHistory) return { pair, semantic, lexical, similarity: own };
    const history = Math.max(0, cosineSimilarity(historyVector, pairHistory));
    return { pair, semantic, lexical, history, similarity: (1 - this.config.historyWeight) * own + this.config.historyWeight * history };
  }

  /** Distinct terms with their BM25 idf over the indexed questions (unknown terms get the highest idf). */
  private termWeights(tokens: readonly string[]): Map<string, number> {
    const n = this.pairs.size;
    const weights = new Map<string, number>();
    for (const term of tokens) {
      if (weights.has(term)) continue;
      const df = this.bm25.documentFrequency(term);
      weights.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    return weights;
  }
}

/** 2 Σ idf(shared) / (Σ idf(a) + Σ idf(b)): 1 for the same words, 0 for none shared; common words count little. */
export function weightedDice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [term, weight] of a) {
    total += weight;
    if (b.has(term)) shared += weight;
  }
  for (const weight of b.values()) total += weight;
  return total > 0 ? (2 * shared) / total : 0;
}
