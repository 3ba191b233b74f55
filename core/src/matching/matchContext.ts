import type { SpanStakes, SpanStatus } from '../spans/span';

/**
 * What is known about the situation a prediction is asked for: Every field is optional;
 * a factor of context similarity counts only when both sides have it (the weighted mean is taken over the
 * factors present), so an empty context matches on the action alone.
 */
export interface MatchContext {
  /** Domain path such as `programming/typescript` (compared hierarchically by `domainSimilarity`). */
  environment?: string;
  stakes?: SpanStakes;
  /** `positive` | `negative` | `neutral`, or a free value such as `focused` (compared by equality). */
  emotional_state?: string;
  /** `did` of the steps that led here, oldest first. */
  previous_actions?: string[];
  /** Statuses of those steps, oldest first. */
  previous_outcomes?: SpanStatus[];
  /** Ids of the spans that led here; used to fill `previous_actions` when it is absent. */
  previous_spans?: string[];
}

/**
 * The context as text: environment, emotional state, stakes and the previous actions joined with spaces.
 * This is the text the semantic factor embeds; empty when the context says nothing.
 */
export function contextText(context: MatchContext): string {
  return [context.environment, context.emotional_state, context.stakes, ...(context.previous_actions ?? [])]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}
