import { detectDomain } from '../spans/detectDomain';
import { SPAN_STAKES, type Span, type SpanStakes } from '../spans/span';
import { actionKeywordDomain, inferEmotion, inferStakes } from './inferContext';
import type { Trajectory, TrajectoryEnd } from './trajectory';

export interface TrajectoryLimits {
  /** Most earlier spans followed. */
  maxDepth: number;
  /** Depth at which confidence reaches 1. */
  fullConfidenceDepth: number;
}

/** The outcome a span reports: `if_not` first when it failed, `if_ok` first otherwise; undefined when it has none. */
export function spanOutcome(span: Span): string | undefined {
  const ordered = span.status === 'failed' ? [span.if_not, span.if_ok] : [span.if_ok, span.if_not];
  return ordered.find((text) => typeof text === 'string' && text.trim() !== '')?.trim();
}

/**
 * Walks back from `target` through the last id of each `previous_spans` (the last one is the
 * step right before), at most `maxDepth` steps. Stops at a span without history (`start`), an id that is not in
 * the dataset (`missing`), an id already on the chain (`cycle`, so `a → b → a` cannot loop) or the depth limit.
 */
export function walkBack(target: Span, lookup: (id: string) => Span | undefined, maxDepth: number): { spans: Span[]; endedBy: TrajectoryEnd } {
  const chain: Span[] = [target];
  const seen = new Set([target.id]);
  let current = target;
  while (true) {
    const ids = current.context?.previous_spans;
    if (!ids || ids.length === 0) return { spans: chain.reverse(), endedBy: 'start' };
    if (chain.length - 1 >= maxDepth) return { spans: chain.reverse(), endedBy: 'max_depth' };
    const previousId = ids[ids.length - 1];
    if (seen.has(previousId)) return { spans: chain.reverse(), endedBy: 'cycle' };
    const previous = lookup(previousId);
    if (!previous) return { spans: chain.reverse(), endedBy: 'missing' };
    chain.push(previous);
    seen.add(previousId);
    current = previous;
  }
}

/** The first explicit, non-empty value of a context field, looking from the target back to the oldest span. */
function nearest(spans: readonly Span[], field: 'environment' | 'stakes' | 'emotional_state'): string | undefined {
  for (let i = spans.length - 1; i >= 0; i--) {
    const value = spans[i].context?.[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function inferredDomain(spans: readonly Span[], target: Span): string {
  return actionKeywordDomain(spans.map((span) => span.did)) ?? detectDomain(`${target.did} ${target.this}`);
}

/**
 * Text the stakes are read from: what every step did and to what, and the outcomes of the earlier steps. The seed
 * also read the target's own `if_ok`, which made the context depend on the very outcome being predicted.
 */
function stakesText(spans: readonly Span[]): string {
  return spans.map((span, i) => `${span.did} ${span.this} ${i < spans.length - 1 ? (span.if_ok ?? '') : ''}`).join(' ');
}

/** The context a chain of spans describes, with explicit fields winning over keyword inference. */
export function extractTrajectoryContext(spans: readonly Span[]): Trajectory['context'] {
  const target = spans[spans.length - 1];
  const earlier = spans.slice(0, -1);
  const environment = nearest(spans, 'environment')?.toLowerCase() ?? inferredDomain(spans, target);
  const stated = nearest(spans, 'stakes')?.toLowerCase();
  const stakes = SPAN_STAKES.find((level): level is SpanStakes => level === stated) ?? inferStakes(stakesText(spans));
  const emotional_state = nearest(spans, 'emotional_state') ?? inferEmotion(spans.map((span) => `${span.did} ${span.this}`));
  // The target's own action is matched separately, so the history is what came before it (the seed included it).
  const previous_actions = earlier.length > 0 ? earlier.map((span) => span.did) : [...(target.context?.previous_actions ?? [])];
  const previous_outcomes = earlier.length > 0 ? earlier.map((span) => span.status) : [...(target.context?.previous_outcomes ?? [])];
  return { environment, stakes, emotional_state, previous_actions, previous_outcomes };
}

/** A trajectory: the chain, its extracted context, its outcome and its confidence. */
export function reconstructTrajectory(target: Span, lookup: (id: string) => Span | undefined, limits: TrajectoryLimits): Trajectory {
  const { spans, endedBy } = walkBack(target, lookup, limits.maxDepth);
  const depth = spans.length - 1;
  return {
    id: target.id,
    spans,
    context: extractTrajectoryContext(spans),
    outcome: spanOutcome(target),
    outcome_type: target.status,
    depth,
    confidence: Math.min(1, depth / limits.fullConfidenceDepth),
    ended_by: endedBy,
  };
}
