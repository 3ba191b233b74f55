import type { ScoredSpan } from '../quality/curateSpans';
import { JUDGE_ACTION } from './judgementSpan';

/**
 * The next spans to judge: never a judgement itself, never a span already judged, the most recent first (the session
 * the developer just had is the one they remember), ties by id so the order is stable.
 */
export function pickCurationQueue(scored: readonly ScoredSpan[], judged: ReadonlySet<string>, limit: number): { items: ScoredSpan[]; remaining: number } {
  const open = scored.filter(({ span }) => span.did !== JUDGE_ACTION && !judged.has(span.id));
  open.sort((a, b) => (a.span.when === b.span.when ? (a.span.id < b.span.id ? -1 : 1) : a.span.when < b.span.when ? 1 : -1));
  const count = Math.max(0, Math.floor(limit));
  return { items: open.slice(0, count), remaining: open.length };
}
