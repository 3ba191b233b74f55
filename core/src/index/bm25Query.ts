import type { InvertedIndexConfig } from './invertedIndexConfig';
import type { PostingLists } from './postingLists';

/** What BM25 needs to know about the collection. */
export interface Bm25Corpus {
  readonly postings: PostingLists;
  /** Live documents (N). */
  readonly liveCount: number;
  /** Sum of live documents' lengths in tokens (avgdl = totalLength / N). */
  readonly totalLength: number;
  /** Length in tokens per slot. */
  readonly docLength: Uint32Array;
}

/** One distinct query term, ready to score. */
export interface QueryTerm {
  term: number;
  /** idf × how often the term occurs in the query (BM25 sums over query tokens, repeats included). */
  weight: number;
  /** No document can get more than this from the term: the pruning bound. */
  upperBound: number;
}

/** The per-posting constants of one query: contribution = weight · tf · (k1 + 1) / (tf + c1 + c2 · dl). */
export interface Bm25Constants {
  k1Plus1: number;
  c1: number;
  c2: number;
}

/** Robertson–Spärck Jones idf with +1 inside the log (Lucene's), so it is positive even for terms in every document. */
export function bm25Idf(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

export function bm25Constants(corpus: Bm25Corpus, config: InvertedIndexConfig): Bm25Constants {
  const avgdl = corpus.liveCount === 0 ? 1 : corpus.totalLength / corpus.liveCount;
  return { k1Plus1: config.k1 + 1, c1: config.k1 * (1 - config.b), c2: (config.k1 * config.b) / avgdl };
}

/**
 * Distinct known query terms with weights and bounds, highest bound first (rare terms first: they decide the top k
 * and let the frequent ones be skipped). `termCounts` iterates in query order. The bound uses the term's largest tf and the shortest possible document.
 */
export function prepareQuery(corpus: Bm25Corpus, termCounts: ReadonlyMap<number, number>, constants: Bm25Constants): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const [term, count] of termCounts) {
    const df = corpus.postings.df[term];
    if (df === 0) continue;
    const weight = bm25Idf(corpus.liveCount, df) * count;
    const maxTf = corpus.postings.maxTf[term];
    const denominator = maxTf + constants.c1 + constants.c2 * corpus.postings.minLength[term];
    terms.push({ term, weight, upperBound: (weight * maxTf * constants.k1Plus1) / denominator });
  }
  // Stable sort: equal bounds keep query order, never term-id order, which depends on the index's history (and with
  // it the order scores are summed in, hence their last bit).
  return terms.sort((a, b) => b.upperBound - a.upperBound);
}

/** First index ≥ `from` whose slot is ≥ `target` (galloping, then binary search): O(log distance). */
export function gallop(slots: Uint32Array, length: number, from: number, target: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < length && slots[high] < target) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > length) high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slots[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Adds one term's contribution to each of `count` candidates (slots ascending) by galloping through its list:
 * the cost grows with the candidates, not with the list. Used to score small candidate sets directly and, during a
 * search, to finish frequent terms for documents already found.
 */
export function addTermToCandidates(corpus: Bm25Corpus, query: QueryTerm, constants: Bm25Constants, candidates: Int32Array, count: number, scores: Float64Array): void {
  const slots = corpus.postings.slots[query.term];
  const tfs = corpus.postings.tfs[query.term];
  const length = corpus.postings.length[query.term];
  const { k1Plus1, c1, c2 } = constants;
  let at = 0;
  for (let i = 0; i < count && at < length; i++) {
    const slot = candidates[i];
    at = gallop(slots, length, at, slot);
    if (at < length && slots[at] === slot) {
      const tf = tfs[at];
      scores[i] += (query.weight * tf * k1Plus1) / (tf + c1 + c2 * corpus.docLength[slot]);
    }
  }
}
