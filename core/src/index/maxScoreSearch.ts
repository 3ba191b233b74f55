import { addTermToCandidates } from './bm25Query';
import type { Bm25Constants, Bm25Corpus, QueryTerm } from './bm25Query';
import { CANDIDATE, REFUSED, UNSEEN } from './searchScratch';
import type { SearchScratch } from './searchScratch';
import { TopKHeap } from './topKHeap';

/** What one BM25 search did; pass an object to `search` to have it filled in. */
export interface Bm25Trace {
  /** Distinct query terms found in the index. */
  terms: number;
  /** Terms whose whole posting list was scanned. */
  scannedTerms: number;
  /** Postings read in scanned lists. */
  postingsScanned: number;
  /** Documents that got a partial score. */
  candidates: number;
  /**
   * True when the result is exactly BM25's top k. False only when `maxPostingsPerQuery` ran out before the score
   * bound allowed skipping: then documents matching only the unscanned (most frequent) terms were not considered.
   */
  exact: boolean;
}

/** Check the bound before a list at least 1/CHECK_RATIO as long as the documents found so far. */
const CHECK_RATIO = 4;
/** Collect candidates by sweeping all slots once they are more than 1/SWEEP_RATIO of them. */
const SWEEP_RATIO = 16;

export interface ScoredSlot {
  slot: number;
  score: number;
}

/** The k-th best score among `count` scores, or -Infinity when there are fewer than k. */
function kthBest(scores: Float64Array, count: number, k: number): number {
  if (count < k) return -Infinity;
  const heap = new TopKHeap(k);
  for (let i = 0; i < count; i++) heap.offer(scores[i], i);
  return heap.threshold;
}

function countCandidates(scratch: SearchScratch): number {
  let n = 0;
  for (let i = 0; i < scratch.count; i++) if (scratch.state[scratch.touched[i]] === CANDIDATE) n++;
  return n;
}

/** The k-th best partial score among the candidates found so far (one pass, no allocation beyond the heap). */
function kthCandidateScore(scratch: SearchScratch, k: number): { threshold: number; candidates: number } {
  const heap = new TopKHeap(k);
  let candidates = 0;
  for (let i = 0; i < scratch.count; i++) {
    const slot = scratch.touched[i];
    if (scratch.state[slot] !== CANDIDATE) continue;
    heap.offer(scratch.acc[slot], slot);
    candidates++;
  }
  return { threshold: heap.threshold, candidates };
}

/**
 * The candidates that can still reach `threshold` with at most `remaining` more, in ascending slot order (the
 * refine step gallops through sorted lists). With many candidates a sweep over the state array is cheaper than
 * sorting them.
 */
function survivingCandidates(scratch: SearchScratch, threshold: number, remaining: number): { slots: Int32Array; scores: Float64Array } {
  const { acc, state, touched } = scratch;
  const keep = (slot: number) => state[slot] === CANDIDATE && acc[slot] + remaining >= threshold;
  let slots: Int32Array;
  if (scratch.count * SWEEP_RATIO > state.length) {
    const found: number[] = [];
    for (let slot = 0; slot < state.length; slot++) if (keep(slot)) found.push(slot);
    slots = Int32Array.from(found);
  } else {
    const found: number[] = [];
    for (let i = 0; i < scratch.count; i++) if (keep(touched[i])) found.push(touched[i]);
    slots = Int32Array.from(found).sort();
  }
  return { slots, scores: Float64Array.from(slots, (slot) => acc[slot]) };
}

function scanTerm(corpus: Bm25Corpus, query: QueryTerm, constants: Bm25Constants, accept: (slot: number) => boolean, scratch: SearchScratch): void {
  const slots = corpus.postings.slots[query.term];
  const tfs = corpus.postings.tfs[query.term];
  const length = corpus.postings.length[query.term];
  const { k1Plus1, c1, c2 } = constants;
  const { acc, state } = scratch;
  for (let i = 0; i < length; i++) {
    const slot = slots[i];
    const seen = state[slot];
    if (seen === REFUSED) continue;
    if (seen === UNSEEN) {
      if (!accept(slot)) {
        scratch.touch(slot, REFUSED);
        continue;
      }
      scratch.touch(slot, CANDIDATE);
    }
    const tf = tfs[i];
    acc[slot] += (query.weight * tf * k1Plus1) / (tf + c1 + c2 * corpus.docLength[slot]);
  }
}

/** Drops candidates that cannot reach the k-th score even with every remaining term; returns the new count. */
function prune(slots: Int32Array, scores: Float64Array, count: number, k: number, remaining: number): number {
  const threshold = kthBest(scores, count, k);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (scores[i] + remaining < threshold) continue;
    slots[kept] = slots[i];
    scores[kept++] = scores[i];
  }
  return kept;
}

/**
 * Term-at-a-time BM25 with MaxScore pruning (Turtle & Flood 1995). Terms run rarest first, each scanning its whole
 * list into per-slot accumulators. Before a long list, if the k-th best partial score already exceeds the sum of the
 * remaining terms' upper bounds, no unseen document can reach the top k, so the search switches to refining: the
 * remaining terms are only looked up for the documents already found (galloping), and candidates that can no longer
 * reach the k-th score are dropped after each term. That switch keeps the result exact. The only inexact path is
 * the `budget` (postings) running out first; the trace says so. Returns every candidate scoring at least the k-th
 * best (ties included, so the caller can break them by id).
 */
export function maxScoreSearch(
  corpus: Bm25Corpus,
  terms: readonly QueryTerm[],
  k: number,
  accept: (slot: number) => boolean,
  scratch: SearchScratch,
  constants: Bm25Constants,
  budget: number,
  trace: Bm25Trace,
): ScoredSlot[] {
  // rest[i]: the most terms i.. can still add. Suffix sums rather than running subtraction, so rounding never makes
  // the bound smaller than the true sum.
  const rest = new Float64Array(terms.length + 1);
  for (let i = terms.length - 1; i >= 0; i--) rest[i] = rest[i + 1] + terms[i].upperBound;
  let next = 0;
  let threshold = -Infinity;
  for (; next < terms.length; next++) {
    const length = corpus.postings.length[terms[next].term];
    // A check costs one pass over the documents found; worth it unless the list is much shorter than that.
    if (scratch.count >= k && length * CHECK_RATIO >= scratch.count) {
      const partial = kthCandidateScore(scratch, k);
      threshold = partial.threshold;
      if (rest[next] < threshold) break;
      if (trace.postingsScanned + length > budget && partial.candidates >= k) {
        trace.exact = false;
        break;
      }
    }
    scanTerm(corpus, terms[next], constants, accept, scratch);
    trace.scannedTerms++;
    trace.postingsScanned += length;
  }
  trace.candidates = countCandidates(scratch);
  // Those that cannot reach the last known k-th score even with every remaining term are dropped right away (partial
  // scores only grow, so a k-th score measured earlier is still a lower bound).
  const { slots, scores } = survivingCandidates(scratch, threshold, rest[next]);
  let count = slots.length;
  for (; next < terms.length; next++) {
    addTermToCandidates(corpus, terms[next], constants, slots, count, scores);
    count = prune(slots, scores, count, k, rest[next + 1]);
  }
  const kth = kthBest(scores, count, k);
  const out: ScoredSlot[] = [];
  for (let i = 0; i < count; i++) if (scores[i] >= kth) out.push({ slot: slots[i], score: scores[i] });
  return out;
}
