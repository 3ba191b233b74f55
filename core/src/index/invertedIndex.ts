import { addTermToCandidates, bm25Constants, prepareQuery } from './bm25Query';
import type { Bm25Corpus } from './bm25Query';
import { DocTable } from './docTable';
import { ensureCapacity } from './growTypedArray';
import { checkK } from './invalidSearchError';
import { decodeInvertedIndex, encodeInvertedIndex } from './invertedIndexCodec';
import type { InvertedIndexParts } from './invertedIndexCodec';
import { resolveInvertedIndexConfig } from './invertedIndexConfig';
import type { InvertedIndexConfig } from './invertedIndexConfig';
import { maxScoreSearch } from './maxScoreSearch';
import type { Bm25Trace, ScoredSlot } from './maxScoreSearch';
import { PostingLists } from './postingLists';
import { SearchScratch } from './searchScratch';
import { TermDictionary } from './termDictionary';

/** A search hit: the document id and its BM25 score. */
export interface ScoredId {
  id: string;
  score: number;
}

/** Restricts a search: a predicate over ids, or the set of allowed ids (small sets are scored directly). */
export type SearchFilter = ((id: string) => boolean) | ReadonlySet<string>;

export interface SearchOptions {
  filter?: SearchFilter;
  /** Filled in with what the search did and whether it was exact. */
  trace?: Bm25Trace;
  /** Overrides the index's `maxPostingsPerQuery` for this search (Infinity: always exact). */
  maxPostings?: number;
}

/** A document to index: its id and its tokens (repeats count). */
export interface IndexedDocument {
  id: string;
  tokens: readonly string[];
}

export interface InvertedIndexStats {
  documents: number;
  /** Removed documents still held as tombstones (until compaction). */
  deadDocuments: number;
  terms: number;
  postings: number;
  /** Bytes of the typed arrays (postings, lengths, forward lists); excludes id strings and maps. */
  arrayBytes: number;
}

const isFilter = (value: SearchFilter | SearchOptions): value is SearchFilter => typeof value === 'function' || value instanceof Set;

const byScoreThenId = (a: ScoredId, b: ScoredId) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * BM25 over token lists keyed by id and grouped by a key (a file), so a file's documents are replaced or removed
 * without a rebuild. Terms are interned; postings live in growable typed arrays; removed documents are tombstones
 * compacted in one pass once they exceed `compactDeadFraction`. Scores always equal those of a fresh build over the
 * live documents (N, df and average length count live documents only). Search is top-k with MaxScore pruning; see
 * {@link maxScoreSearch} and `maxPostingsPerQuery` for the one inexact case.
 */
export class InvertedIndex {
  private readonly config: InvertedIndexConfig;
  private readonly dictionary: TermDictionary;
  private readonly postings: PostingLists;
  private docs: DocTable;
  private readonly scratch = new SearchScratch();
  private termBuffer = new Uint32Array(64);
  private distinctBuffer = new Uint32Array(64);

  constructor(config: Partial<InvertedIndexConfig> = {}, parts?: InvertedIndexParts) {
    this.config = resolveInvertedIndexConfig(config);
    this.dictionary = parts?.dictionary ?? new TermDictionary();
    this.postings = parts?.postings ?? new PostingLists();
    this.docs = parts?.docs ?? new DocTable();
  }

  /** Loads what {@link serialize} wrote; a damaged or foreign file is an `IndexFormatError`. */
  static deserialize(bytes: Uint8Array, config: Partial<InvertedIndexConfig> = {}): InvertedIndex {
    return new InvertedIndex(config, decodeInvertedIndex(bytes));
  }

  /** Live documents. */
  get size(): number {
    return this.docs.liveCount;
  }

  has(id: string): boolean {
    return this.docs.slotOf.has(id);
  }

  /** The group `id` was added with, if any. */
  groupOf(id: string): string | undefined {
    const slot = this.docs.slotOf.get(id);
    return slot === undefined ? undefined : this.docs.groups[slot];
  }

  /** Ids of the live documents of `group`, sorted. */
  groupIds(group: string): string[] {
    return [...(this.docs.members.get(group) ?? [])].sort();
  }

  /** Adds `id`, replacing a document already stored under it. */
  add(id: string, tokens: readonly string[], group?: string): void {
    if (this.docs.slotOf.has(id)) this.remove(id);
    // Sorting the term ids and counting runs avoids a Map per document (a million of them during a build).
    const termIds = (this.termBuffer = ensureCapacity(this.termBuffer, tokens.length));
    for (let i = 0; i < tokens.length; i++) termIds[i] = this.dictionary.intern(tokens[i]);
    const sorted = termIds.subarray(0, tokens.length).sort();
    const distinct = (this.distinctBuffer = ensureCapacity(this.distinctBuffer, tokens.length));
    let count = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct[count++] = sorted[i];
    this.postings.ensureTerms(this.dictionary.size);
    const slot = this.docs.add(id, group, tokens.length, distinct.subarray(0, count));
    let run = 0;
    for (let i = 0; i < sorted.length; i++) {
      run++;
      if (i + 1 === sorted.length || sorted[i + 1] !== sorted[i]) {
        this.postings.append(sorted[i], slot, run, tokens.length);
        run = 0;
      }
    }
  }

  /** Returns false when `id` was not present. */
  remove(id: string): boolean {
    const slot = this.docs.slotOf.get(id);
    if (slot === undefined) return false;
    const terms = this.docs.kill(slot);
    for (let i = 0; i < terms.length; i++) this.postings.df[terms[i]]--;
    if (this.docs.deadCount > this.config.compactDeadFraction * this.docs.slotCount) this.compact();
    return true;
  }

  /** Makes `docs` the whole content of `group`: its other documents are removed (a file was re-indexed). */
  replaceGroup(group: string, docs: readonly IndexedDocument[]): void {
    this.removeGroup(group);
    for (const doc of docs) this.add(doc.id, doc.tokens, group);
  }

  /** Removes every document of `group`; returns how many. */
  removeGroup(group: string): number {
    const ids = [...(this.docs.members.get(group) ?? [])];
    for (const id of ids) this.remove(id);
    return ids.length;
  }

  /** Live documents containing `token`. */
  documentFrequency(token: string): number {
    const term = this.dictionary.lookup(token);
    return term === undefined ? 0 : this.postings.df[term];
  }

  /** An upper bound of the documents matching at least one token (Σ df, capped at the size): the planner's estimate. */
  estimateMatches(tokens: readonly string[]): number {
    let sum = 0;
    for (const token of new Set(tokens)) sum += this.documentFrequency(token);
    return Math.min(sum, this.size);
  }

  /**
   * Up to `k` documents by BM25 score (best first, ties by id), among those containing at least one query token
   * and passing the filter. Pass a `trace` to learn how much work the search did and whether it was exact.
   */
  search(tokens: readonly string[], k: number, options: SearchFilter | SearchOptions = {}): ScoredId[] {
    checkK(k);
    const { filter, trace, maxPostings } = isFilter(options) ? { filter: options, trace: undefined, maxPostings: undefined } : options;
    const report = trace ?? { terms: 0, scannedTerms: 0, postingsScanned: 0, candidates: 0, exact: true };
    Object.assign(report, { terms: 0, scannedTerms: 0, postingsScanned: 0, candidates: 0, exact: true });
    if (k === 0 || this.size === 0) return [];
    const corpus = this.corpus();
    const constants = bm25Constants(corpus, this.config);
    const terms = prepareQuery(corpus, this.termCounts(tokens), constants);
    report.terms = terms.length;
    if (terms.length === 0) return [];
    let hits: ScoredSlot[];
    if (filter instanceof Set && filter.size <= this.config.directScoreLimit) {
      const slots = this.slotsOf(filter);
      const scores = new Float64Array(slots.length);
      for (const term of terms) addTermToCandidates(corpus, term, constants, slots, slots.length, scores);
      hits = [];
      for (let i = 0; i < slots.length; i++) if (scores[i] > 0) hits.push({ slot: slots[i], score: scores[i] });
      report.candidates = slots.length;
    } else {
      this.scratch.ensure(this.docs.slotCount);
      try {
        hits = maxScoreSearch(corpus, terms, k, this.acceptor(filter), this.scratch, constants, maxPostings ?? this.config.maxPostingsPerQuery, report);
      } finally {
        this.scratch.reset();
      }
    }
    return hits
      .map(({ slot, score }) => ({ id: this.docs.ids[slot], score }))
      .sort(byScoreThenId)
      .slice(0, k);
  }

  /** Drops tombstones and growth slack now (also done automatically past `compactDeadFraction`). */
  compact(): void {
    const map = this.docs.compactionMap();
    this.postings.compact(map, this.docs.docLength); // old slots: before the documents move
    this.docs.compact(map);
  }

  stats(): InvertedIndexStats {
    return {
      documents: this.size,
      deadDocuments: this.docs.deadCount,
      terms: this.dictionary.size,
      postings: this.postings.totalPostings(),
      arrayBytes: this.postings.byteSize() + this.docs.byteSize(),
    };
  }

  /** A self-checking binary image of the live documents (compacts first). */
  serialize(): Uint8Array {
    if (this.docs.deadCount > 0) this.compact();
    return encodeInvertedIndex({ dictionary: this.dictionary, postings: this.postings, docs: this.docs });
  }

  private corpus(): Bm25Corpus {
    return { postings: this.postings, liveCount: this.docs.liveCount, totalLength: this.docs.totalLength, docLength: this.docs.docLength };
  }

  /** Distinct known terms with their counts, in query order. */
  private termCounts(tokens: readonly string[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      const term = this.dictionary.lookup(token);
      if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return counts;
  }

  private slotsOf(ids: ReadonlySet<string>): Int32Array {
    const slots: number[] = [];
    for (const id of ids) {
      const slot = this.docs.slotOf.get(id);
      if (slot !== undefined) slots.push(slot);
    }
    return Int32Array.from(slots).sort();
  }

  private acceptor(filter: SearchFilter | undefined): (slot: number) => boolean {
    const { alive, ids } = this.docs;
    if (filter === undefined) return (slot) => alive[slot] === 1;
    if (typeof filter === 'function') return (slot) => alive[slot] === 1 && filter(ids[slot]);
    return (slot) => alive[slot] === 1 && filter.has(ids[slot]);
  }
}
