import { describeAttributeFilter } from './attributeFilter';
import type { AttributeFilter } from './attributeFilter';

/** Text filter: documents containing at least one token, ranked by BM25. */
export interface TextFilter {
  field: 'text';
  tokens: readonly string[];
}

/** Vector filter: the nearest documents by cosine similarity. */
export interface VectorFilter {
  field: 'vector';
  vector: Float32Array;
}

/** One condition of a planned query. */
export type PlanFilter = AttributeFilter | TextFilter | VectorFilter;

/** A query for the {@link QueryPlanner}: every filter must hold; up to `k` results. No filters select nothing. */
export interface PlannedQuery {
  filters: readonly PlanFilter[];
  k: number;
}

/** How a step ran. */
export type StepMode =
  /** Produced the first candidate set from its index. */
  | 'generate'
  /** Kept the candidates that satisfy it. */
  | 'intersect'
  /** Scored the (few) candidates directly. */
  | 'score'
  /** Selects every document: dropped, since a filter of selectivity 1 narrows nothing. */
  | 'skipped: selects everything'
  /** An earlier step left no candidates. */
  | 'not run: no candidates left';

/** One line of an explainable plan. */
export interface PlanStep {
  /** Readable form of the filter (`domain^=programming`, `text(parse json)`, `vector(top 100)`). */
  filter: string;
  /** Documents the index statistics say it selects (for ranges and vectors an upper bound). */
  estimated: number;
  /** Candidates left after the step ran (null when it did not run). */
  actual: number | null;
  mode: StepMode;
}

/** A result: its combined score and the score of each ranking filter. */
export interface PlannedHit {
  id: string;
  /** Sum over ranking filters of weight × normalised score (0 when the query has no ranking filter). */
  score: number;
  /** Raw BM25 score and cosine similarity, when the query has those filters. */
  text?: number;
  vector?: number;
}

export interface PlannedResults {
  results: PlannedHit[];
  /** Steps in the order they ran (in the last attempt). */
  plan: PlanStep[];
  /** Runs of the plan: more than 1 when a vector pool was widened because too few results survived. */
  attempts: number;
}

/**
 * A short readable form of a filter. `vectorPool` is the number of neighbours a vector step asked its index for;
 * undefined when it scored the candidates directly.
 */
export function describePlanFilter(filter: PlanFilter, vectorPool: number | undefined): string {
  if (filter.field === 'text') return `text(${filter.tokens.join(' ')})`;
  if (filter.field === 'vector') return vectorPool === undefined ? 'vector(cosine of candidates)' : `vector(top ${vectorPool})`;
  return describeAttributeFilter(filter);
}
