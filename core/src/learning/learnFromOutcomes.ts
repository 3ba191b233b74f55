import { scoreSpan } from '../quality/scoreSpan';
import type { QualityMetrics } from '../quality/qualityMetrics';
import type { Span } from '../spans/span';
import { coherence, densityClusters, tokenCosine } from './densityClusters';
import { derivedFrom, feedbackClusterSpan, retainedSuggestionSpan } from './learnedSpans';
import type { LearningConfig } from './learningConfig';
import { DEFAULT_LEARNING_CONFIG } from './learningConfig';
import type { RatedOutcome } from './outcomeRating';
import { ratedOutcomeOf } from './outcomeRating';
import type { WeightUpdate } from './trajectoryWeights';

/** A span learning produced, with its quality and whether it cleared the bar for its kind. */
export interface LearnedSpan {
  span: Span;
  quality: QualityMetrics;
  kept: boolean;
}

export interface LearningResult {
  /** Weight updates in the order the outcomes happened; apply them to a TrajectoryWeights. */
  updates: WeightUpdate[];
  /** Accepted and retained suggestions (never contradicted by a failed check or run), scored; kept at ≥ 80. */
  candidates: LearnedSpan[];
  /** Clusters of similar accepted suggestions, one span each, scored; kept at ≥ 75. */
  synthetic: LearnedSpan[];
}

export interface LearnOptions {
  config?: Partial<LearningConfig>;
  /** Similarities of a new span to its nearest spans already in the dataset, for the uniqueness dimension. */
  neighbourSimilarities?: (span: Span) => readonly number[];
}

/** Time order, then id: the fold of the weight rule depends on order, so it must not depend on input order. */
const chronological = (a: Span, b: Span) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The suggestion spans an outcome is about: itself for a suggestion, the suggestions it cites for checks and runs. */
function suggestionsOf(span: Span, suggestions: ReadonlyMap<string, Span>): Span[] {
  if (span.did === 'suggest_completion') return [span];
  return (span.context?.previous_spans ?? []).flatMap((id) => {
    const cited = suggestions.get(id);
    return cited ? [cited] : [];
  });
}

function updatesFor(outcomeSpan: Span, outcome: RatedOutcome, suggestion: Span): WeightUpdate[] {
  const files = sourceFiles(suggestion);
  return (suggestion.context?.previous_spans ?? []).map((source) => ({ source, outcome, outcomeId: outcomeSpan.id, ...(files.has(source) ? { file: files.get(source)! } : {}) }));
}

/** Where each source lives, when the suggestion span records it (`metadata.sources: [{spanId, file}]`). */
function sourceFiles(suggestion: Span): Map<string, string> {
  const sources = suggestion.metadata?.sources;
  const files = new Map<string, string>();
  if (Array.isArray(sources)) {
    for (const s of sources as unknown[]) {
      const { spanId, file } = (s ?? {}) as { spanId?: unknown; file?: unknown };
      if (typeof spanId === 'string' && typeof file === 'string') files.set(spanId, file);
    }
  }
  return files;
}

function scored(span: Span, bar: number, options: LearnOptions, config: LearningConfig): LearnedSpan {
  const quality = scoreSpan(span, { neighbourSimilarities: options.neighbourSimilarities?.(span) ?? [] }, config.quality);
  return { span, quality, kept: quality.total_score >= bar };
}

/**
 * Turns logged outcomes into learning, purely: every rated outcome (acceptance, dismissal, retention check, task or
 * test run) becomes weight updates for the places the suggestion came from; an accepted suggestion retained at
 * every check and failed by no run becomes a diamond candidate; clusters of similar accepted code become synthetic
 * spans. Everything derived cites its outcome spans (`metadata.derived_from`), and the result depends only on the
 * set of spans given, so unlearning a span is running this again without it.
 */
export function learnFromOutcomes(spans: readonly Span[], options: LearnOptions = {}): LearningResult {
  const config = { ...DEFAULT_LEARNING_CONFIG, ...options.config };
  const ordered = [...spans].sort(chronological);
  const suggestions = new Map(ordered.filter((s) => s.did === 'suggest_completion').map((s) => [s.id, s]));
  const updates: WeightUpdate[] = [];
  const verdicts = new Map<string, { confirmations: Span[]; contradicted: boolean }>();
  for (const span of ordered) {
    const outcome = ratedOutcomeOf(span);
    if (outcome === undefined) continue;
    for (const suggestion of suggestionsOf(span, suggestions)) {
      updates.push(...updatesFor(span, outcome, suggestion));
      if (span === suggestion) continue;
      const verdict = verdicts.get(suggestion.id) ?? { confirmations: [], contradicted: false };
      if (outcome === 'retained') verdict.confirmations.push(span);
      if (outcome === 'not_retained' || outcome === 'failed') verdict.contradicted = true;
      verdicts.set(suggestion.id, verdict);
    }
  }
  const candidates = [...suggestions.values()].flatMap((suggestion) => {
    const verdict = verdicts.get(suggestion.id);
    const retained = ratedOutcomeOf(suggestion) === 'accepted' && verdict !== undefined && !verdict.contradicted && verdict.confirmations.length > 0;
    return retained ? [scored(retainedSuggestionSpan(suggestion, verdict.confirmations), config.diamondQuality, options, config)] : [];
  });
  return { updates, candidates, synthetic: clusterAccepted([...suggestions.values()], options, config) };
}

/**
 * Only the weight updates of `spans`, in time order, with cited suggestions looked up in `known` as well as among
 * `spans`: what an online host applies as each outcome arrives (the full `learnFromOutcomes` also clusters).
 */
export function outcomeWeightUpdates(spans: readonly Span[], known: ReadonlyMap<string, Span> = new Map()): WeightUpdate[] {
  const ordered = [...spans].sort(chronological);
  const suggestions = new Map(known);
  for (const span of ordered) if (span.did === 'suggest_completion') suggestions.set(span.id, span);
  return ordered.flatMap((span) => {
    const outcome = ratedOutcomeOf(span);
    return outcome === undefined ? [] : suggestionsOf(span, suggestions).flatMap((suggestion) => updatesFor(span, outcome, suggestion));
  });
}

/** Density clusters of accepted suggestions' code; a coherent cluster becomes one synthetic span. */
function clusterAccepted(suggestions: readonly Span[], options: LearnOptions, config: LearningConfig): LearnedSpan[] {
  const accepted = suggestions.filter((s) => {
    const outcome = ratedOutcomeOf(s);
    return (outcome === 'accepted' || outcome === 'partially_accepted') && (s.if_ok ?? '').trim() !== '';
  });
  const memo = new Map<string, number>();
  const similarity = (i: number, j: number) => {
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = tokenCosine(accepted[i].if_ok ?? '', accepted[j].if_ok ?? '');
      memo.set(key, value);
    }
    return value;
  };
  return densityClusters(accepted.length, similarity, config.neighbourSimilarity, config.minClusterPoints).flatMap((members) => {
    const fit = coherence(members, similarity);
    if (fit < config.minCoherence) return [];
    const central = members.reduce((best, m) => (members.reduce((s, o) => s + similarity(m, o), 0) > members.reduce((s, o) => s + similarity(best, o), 0) ? m : best));
    return [scored(feedbackClusterSpan(members.map((m) => accepted[m]), accepted[central], fit), config.syntheticQuality, options, config)];
  });
}

/**
 * The ids whose influence goes when `removed` spans are deleted: those spans and every span that cites one, through
 * `previous_spans` (a retention check or test run of a deleted suggestion says nothing without it) or
 * `metadata.derived_from` (a diamond candidate or synthetic span learned from it), transitively. Unlearn each from
 * the weights (`unlearnOutcome`) and drop the spans.
 */
export function influenceOf(spans: readonly Span[], removed: Iterable<string>): Set<string> {
  const gone = new Set(removed);
  const cites = (span: Span) => [...(span.context?.previous_spans ?? []), ...derivedFrom(span)];
  let grew = true;
  while (grew) {
    grew = false;
    for (const span of spans) {
      if (!gone.has(span.id) && cites(span).some((id) => gone.has(id))) {
        gone.add(span.id);
        grew = true;
      }
    }
  }
  return gone;
}
