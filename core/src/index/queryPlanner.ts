import { cosineSimilarity } from '../util/cosineSimilarity';
import type { AttributeFilter } from './attributeFilter';
import type { AttributeIndex } from './attributeIndex';
import { checkK } from './invalidSearchError';
import type { InvertedIndex } from './invertedIndex';
import { describePlanFilter } from './planFilter';
import type { PlanFilter, PlanStep, PlannedHit, PlannedQuery, PlannedResults, StepMode, TextFilter, VectorFilter } from './planFilter';
import { DEFAULT_QUERY_PLANNER_CONFIG } from './queryPlannerConfig';
import type { QueryPlannerConfig } from './queryPlannerConfig';
import type { VectorIndex } from './vectorIndex';

/** The indices a planner draws on; a query may only use filters whose index is present. */
export interface QueryPlannerSources {
  attributes?: AttributeIndex;
  text?: InvertedIndex;
  vectors?: VectorIndex;
  /** The stored vector of an id, so small candidate sets can be ranked by cosine directly (e.g. BruteForceIndex.get). */
  vectorOf?: (id: string) => Float32Array | undefined;
}

type Scores = { text?: number; vector?: number };
type Candidates = Map<string, Scores>;

interface Step {
  filter: PlanFilter;
  order: number;
  estimated: number;
  exact: boolean;
}

interface Attempt {
  results: PlannedHit[];
  plan: PlanStep[];
  pooled: boolean;
}

const isAttribute = (filter: PlanFilter): filter is AttributeFilter => filter.field !== 'text' && filter.field !== 'vector';

/**
 * A query planner, made explainable: every filter's selectivity is estimated from index statistics, the
 * most selective runs first and produces candidates, the others intersect them (or, once the candidates are few,
 * score them directly), and the run stops as soon as no candidate is left. Text steps take the attribute filters
 * still pending as a predicate, so a text top-k is already correct for them. The returned plan lists each step
 * with its estimate and the candidates actually left.
 */
export class QueryPlanner {
  private readonly config: QueryPlannerConfig;

  constructor(
    private readonly sources: QueryPlannerSources,
    config: Partial<QueryPlannerConfig> = {},
  ) {
    this.config = { ...DEFAULT_QUERY_PLANNER_CONFIG, ...config };
  }

  /** Documents in the largest source: the denominator of every selectivity. */
  get universe(): number {
    return Math.max(this.sources.attributes?.size ?? 0, this.sources.text?.size ?? 0, this.sources.vectors?.size ?? 0);
  }

  /** The documents a filter is estimated to select, and whether that count is exact. */
  estimate(filter: PlanFilter, vectorPool = this.config.vectorPool): { estimated: number; exact: boolean } {
    if (filter.field === 'text') return { estimated: this.text().estimateMatches(filter.tokens), exact: false };
    if (filter.field === 'vector') return { estimated: Math.min(vectorPool, this.vectors().size), exact: false };
    return { estimated: this.attributes().count(filter), exact: this.attributes().countIsExact(filter) };
  }

  execute(query: PlannedQuery): PlannedResults {
    checkK(query.k);
    const vectorSize = this.sources.vectors?.size ?? 0;
    let pool = Math.min(this.config.vectorPool, this.config.maxVectorPool);
    for (let attempts = 1; ; attempts++) {
      const attempt = this.run(query, pool);
      const limit = Math.min(this.config.maxVectorPool, vectorSize);
      if (attempt.results.length >= query.k || !attempt.pooled || pool >= limit) return { results: attempt.results, plan: attempt.plan, attempts };
      pool = Math.min(pool * 4, limit);
    }
  }

  private run(query: PlannedQuery, pool: number): Attempt {
    const steps: Step[] = query.filters.map((filter, order) => ({ filter, order, ...this.estimate(filter, pool) }));
    steps.sort((a, b) => a.estimated - b.estimated || a.order - b.order);
    const universe = this.universe;
    const plan: PlanStep[] = [];
    let candidates: Candidates | undefined;
    let pooled = false;
    steps.forEach((step, i) => {
      const line = (mode: StepMode, vectorPool?: number) => {
        const ran = mode === 'generate' || mode === 'intersect' || mode === 'score';
        plan.push({ filter: describePlanFilter(step.filter, vectorPool), estimated: step.estimated, actual: ran ? (candidates?.size ?? 0) : null, mode });
      };
      if (candidates?.size === 0) return line('not run: no candidates left', pool);
      const pending = steps.slice(i + 1);
      const { filter } = step;
      if (isAttribute(filter)) {
        // Estimates only grow along the plan, so such a filter comes last; intersecting with it changes nothing.
        if (candidates && step.exact && step.estimated >= universe) return line('skipped: selects everything');
        const mode = candidates ? 'intersect' : 'generate';
        candidates = this.attributeStep(filter, candidates);
        return line(mode);
      }
      if (filter.field === 'text') {
        const mode = candidates ? 'score' : 'generate';
        candidates = this.textStep(filter, step.estimated, candidates, pending, query.k, pool);
        return line(mode);
      }
      if (candidates && this.sources.vectorOf && candidates.size <= this.config.directScoreLimit) {
        candidates = this.scoreVectors(filter, candidates);
        return line('score', undefined);
      }
      pooled = true;
      const mode = candidates ? 'intersect' : 'generate';
      candidates = this.vectorStep(filter, candidates, pool);
      return line(mode, pool);
    });
    return { results: this.rank(candidates ?? new Map(), query), plan, pooled };
  }

  private attributeStep(filter: AttributeFilter, candidates: Candidates | undefined): Candidates {
    const attributes = this.attributes();
    if (!candidates) return new Map([...attributes.ids(filter)].map((id) => [id, {}]));
    return new Map([...candidates].filter(([id]) => attributes.matches(id, filter)));
  }

  /**
   * Pending attribute filters go into the search as a predicate, so only a pending vector step can still drop
   * results: without one the text step needs only its top k, with one it keeps every match it can afford.
   */
  private textStep(filter: TextFilter, estimated: number, candidates: Candidates | undefined, pending: Step[], k: number, pool: number): Candidates {
    const text = this.text();
    const conditions = pending.map((s) => s.filter).filter(isAttribute);
    const attributes = conditions.length > 0 ? this.attributes() : undefined;
    const passes = (id: string) => (!candidates || candidates.has(id)) && conditions.every((c) => attributes?.matches(id, c) === true);
    const vectorPending = pending.some((s) => s.filter.field === 'vector');
    const limit = !vectorPending ? k : candidates ? candidates.size : estimated <= this.config.textMaterializeLimit ? text.size : Math.max(k, pool);
    const hits = text.search(filter.tokens, Math.max(1, limit), passes);
    return new Map(hits.map((hit) => [hit.id, { ...candidates?.get(hit.id), text: hit.score }]));
  }

  private scoreVectors(filter: VectorFilter, candidates: Candidates): Candidates {
    const out: Candidates = new Map();
    for (const [id, scores] of candidates) {
      const vector = this.sources.vectorOf?.(id);
      // A candidate without a stored vector cannot satisfy a vector condition.
      if (vector) out.set(id, { ...scores, vector: cosineSimilarity(filter.vector, vector) });
    }
    return out;
  }

  private vectorStep(filter: VectorFilter, candidates: Candidates | undefined, pool: number): Candidates {
    const hits = this.vectors().search(filter.vector, pool);
    const out: Candidates = new Map();
    for (const hit of hits) {
      if (!candidates) out.set(hit.id, { vector: hit.similarity });
      else if (candidates.has(hit.id)) out.set(hit.id, { ...candidates.get(hit.id), vector: hit.similarity });
    }
    return out;
  }

  /** Combined score: text normalised by the best text score among the candidates, cosine mapped to 0–1. */
  private rank(candidates: Candidates, query: PlannedQuery): PlannedHit[] {
    let bestText = 0;
    for (const scores of candidates.values()) bestText = Math.max(bestText, scores.text ?? 0);
    const hits = [...candidates].map(([id, scores]) => {
      const text = scores.text === undefined || bestText === 0 ? 0 : (this.config.textWeight * scores.text) / bestText;
      const vector = scores.vector === undefined ? 0 : (this.config.vectorWeight * (scores.vector + 1)) / 2;
      return { id, score: text + vector, ...scores };
    });
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, query.k);
  }

  private attributes(): AttributeIndex {
    if (!this.sources.attributes) throw new TypeError('QueryPlanner: an attribute filter needs an attribute index');
    return this.sources.attributes;
  }

  private text(): InvertedIndex {
    if (!this.sources.text) throw new TypeError('QueryPlanner: a text filter needs an inverted index');
    return this.sources.text;
  }

  private vectors(): VectorIndex {
    if (!this.sources.vectors) throw new TypeError('QueryPlanner: a vector filter needs a vector index');
    return this.sources.vectors;
  }
}
