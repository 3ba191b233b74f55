import { getSpan } from '../dataset/datasetOps';
import type { DiamondDataset } from '../dataset/datasetTypes';
import { CachedEmbedder } from '../embedding/cachedEmbedder';
import { BruteForceIndex } from '../index/bruteForceIndex';
import type { VectorIndex } from '../index/vectorIndex';
import type { Cancellation } from '../ports/cancellation';
import { throwIfCancelled, yieldToHost } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { Span } from '../spans/span';
import { cosineSimilarity } from '../util/cosineSimilarity';
import { analyzeOutcomes } from './analyzeOutcomes';
import { contextFactors, weightedContextSimilarity } from './compareContexts';
import { findSimilarActions, type ActionCandidate } from './findSimilarActions';
import { contextText, type MatchContext } from './matchContext';
import { resolveMatchingConfig, type MatchingConfig } from './matchingConfig';
import type { OutcomeAnalysis } from './outcomeAnalysis';
import type { Prediction } from './prediction';
import { reconstructTrajectory } from './reconstructTrajectory';
import { selectTrajectories, type ComparedTrajectory } from './selectTrajectories';
import { synthesizePrediction, type MatchCounts } from './synthesizePrediction';
import type { MatchedTrajectory, Trajectory } from './trajectory';
import type { TrajectoryWeights } from '../learning/trajectoryWeights';

export interface TrajectoryMatcherDeps {
  /** Index for the action vectors: brute force by default, HNSW from the host for large datasets. */
  createIndex?: (dimension: number) => VectorIndex;
  /**
   * Trust learned from outcomes (online learning), used whenever a call passes no `weights` of its own: the matcher
   * keeps a reference, so weights learned later count from the next call on.
   */
  weights?: TrajectoryWeights;
  token?: Cancellation;
}

export interface PredictOptions {
  /**
   * Trust in each past trajectory, by the id of its target span: a finite number ≥ 0, 1 when absent. It multiplies
   * the context similarity in ranking (top-K) and in the outcome vote; 0 removes the trajectory. Online learning
   * supplies it.
   */
  weights?: (spanId: string) => number;
  token?: Cancellation;
}

/** Everything the matcher looked at for one query, for explanations and tests. */
export interface MatchTrace {
  candidates: ActionCandidate[];
  compared: ComparedTrajectory[];
  selected: MatchedTrajectory[];
  analysis: OutcomeAnalysis;
  counts: MatchCounts;
}

const BATCH = 256;

/** What a span's action says: its verb and its object (`fix_bug login crash on empty password`). */
export function spanActionText(span: Span): string {
  return `${span.did} ${span.this}`;
}

/**
 * Trajectory matching over one diamond dataset: `predict(context, action)` finds spans with a similar
 * action (exact, fuzzy, semantic), rebuilds their trajectories, keeps those in a similar context, votes over
 * their outcomes grouped by meaning and answers by majority, synthesis, an honest "not sure", or the fallback.
 * Deterministic for a given dataset, embedder state, config, query and weights.
 */
export class TrajectoryMatcher {
  private readonly trajectories = new Map<string, Trajectory | null>();

  private constructor(
    readonly dataset: DiamondDataset,
    private readonly embedder: Embedder,
    readonly config: Readonly<MatchingConfig>,
    private readonly actionIndex: VectorIndex,
    private readonly learned: TrajectoryWeights | undefined,
  ) {}

  /** Embeds every span's action text once; throws `ConfigError` ('BAD_MATCHING_CONFIG') for a bad config. */
  static async create(dataset: DiamondDataset, embedder: Embedder, config: Partial<MatchingConfig> = {}, deps: TrajectoryMatcherDeps = {}): Promise<TrajectoryMatcher> {
    const resolved = Object.freeze(resolveMatchingConfig(config));
    const cached = embedder instanceof CachedEmbedder ? embedder : new CachedEmbedder(embedder);
    const index = (deps.createIndex ?? ((dimension: number) => new BruteForceIndex(dimension)))(cached.dimension);
    for (let start = 0; start < dataset.spans.length; start += BATCH) {
      if (start > 0) await yieldToHost();
      throwIfCancelled(deps.token, 'indexing actions');
      const batch = dataset.spans.slice(start, start + BATCH).map((entry) => entry.span);
      const vectors = await cached.embed(batch.map(spanActionText), deps.token);
      batch.forEach((span, i) => index.add(span.id, vectors[i]));
    }
    return new TrajectoryMatcher(dataset, cached, resolved, index, deps.weights);
  }

  /** The trajectory ending at a span (memoised), or undefined for an unknown id. */
  trajectory(spanId: string): Trajectory | undefined {
    let cached = this.trajectories.get(spanId);
    if (cached === undefined) {
      const target = getSpan(this.dataset, spanId)?.span;
      cached = target ? reconstructTrajectory(target, (id) => getSpan(this.dataset, id)?.span, this.config) : null;
      this.trajectories.set(spanId, cached);
    }
    return cached ?? undefined;
  }

  /** The prediction for doing `action` in `context`. */
  async predict(context: MatchContext, action: string, options: PredictOptions = {}): Promise<Prediction> {
    const trace = await this.match(context, action, options);
    return synthesizePrediction(action, trace.analysis, trace.counts, this.config);
  }

  /** Every intermediate result of `predict`, without the final wording. */
  async match(context: MatchContext, action: string, options: PredictOptions = {}): Promise<MatchTrace> {
    throwIfCancelled(options.token, 'trajectory matching');
    const [actionVector] = await this.embedder.embed([action], options.token);
    const candidates = findSimilarActions({ byAction: this.dataset.indices.by_action, actionIndex: this.actionIndex }, action, actionVector, this.config);
    const query = this.resolveQueryContext(context);
    const compared = await this.compare(query, candidates, options.token);
    const weights = options.weights ?? this.learned?.lookup;
    const selected = selectTrajectories(compared, this.config.contextSimilarityThreshold, this.config.topK, weights);
    const outcomeVectors = await this.embedOutcomes(selected, options.token);
    const analysis = analyzeOutcomes(selected, outcomeVectors, this.config.outcomeClusterThreshold);
    const passed = compared.filter((item) => item.similarity >= this.config.contextSimilarityThreshold).length;
    const count = (way: ActionCandidate['matchedBy']): number => candidates.filter((c) => c.matchedBy === way).length;
    return { candidates, compared, selected, analysis, counts: { exact: count('exact'), fuzzy: count('fuzzy'), semantic: count('semantic'), passed } };
  }

  /** Fills `previous_actions` (and outcomes) from `previous_spans` that the dataset knows, when not given. */
  private resolveQueryContext(context: MatchContext): MatchContext {
    if (context.previous_actions || !context.previous_spans?.length) return context;
    const known = context.previous_spans.map((id) => getSpan(this.dataset, id)?.span).filter((span): span is Span => span !== undefined);
    if (known.length === 0) return context;
    return { ...context, previous_actions: known.map((span) => span.did), previous_outcomes: context.previous_outcomes ?? known.map((span) => span.status) };
  }

  /** Context similarity of every candidate that has an outcome (a span without one cannot say what happens). */
  private async compare(query: MatchContext, candidates: readonly ActionCandidate[], token?: Cancellation): Promise<ComparedTrajectory[]> {
    const usable = candidates.flatMap((candidate) => {
      const trajectory = this.trajectory(candidate.spanId);
      return trajectory?.outcome !== undefined ? [{ candidate, trajectory }] : [];
    });
    const queryText = contextText(query);
    const vectors = await this.embedDistinct([queryText, ...usable.map((item) => contextText(item.trajectory.context))], token);
    const queryVector = vectors.get(queryText);
    return usable.map(({ candidate, trajectory }, i) => {
      if (i % BATCH === 0) throwIfCancelled(token, 'trajectory matching');
      const candidateVector = vectors.get(contextText(trajectory.context));
      const semantic = queryVector && candidateVector ? cosineSimilarity(queryVector, candidateVector) : undefined;
      const factors = contextFactors(query, trajectory.context, semantic);
      const similarity = weightedContextSimilarity(factors, this.config.contextWeights) ?? candidate.actionSimilarity;
      return { candidate, trajectory, factors, similarity };
    });
  }

  private async embedOutcomes(selected: readonly MatchedTrajectory[], token?: Cancellation): Promise<Map<string, Float32Array>> {
    const byText = await this.embedDistinct(selected.map((item) => item.trajectory.outcome ?? ''), token);
    const result = new Map<string, Float32Array>();
    for (const item of selected) {
      const vector = byText.get(item.trajectory.outcome ?? '');
      if (vector) result.set(item.trajectory.id, vector);
    }
    return result;
  }

  /** One vector per distinct non-empty text (through the embedding cache); empty texts get none. */
  private async embedDistinct(texts: readonly string[], token?: Cancellation): Promise<Map<string, Float32Array>> {
    const distinct = [...new Set(texts.filter((text) => text.trim() !== ''))];
    const result = new Map<string, Float32Array>();
    for (let start = 0; start < distinct.length; start += BATCH) {
      throwIfCancelled(token, 'trajectory matching');
      const batch = distinct.slice(start, start + BATCH);
      const vectors = await this.embedder.embed(batch, token);
      batch.forEach((text, i) => result.set(text, vectors[i]));
    }
    return result;
  }
}
