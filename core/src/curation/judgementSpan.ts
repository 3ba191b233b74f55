import type { QualityMetrics } from '../quality/qualityMetrics';
import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';
import type { CurationScore, VerdictResult } from './curationScore';
import { EMPTY_CURATION_SCORE } from './curationScore';
import type { CurationVerdict } from './curationRules';

export const JUDGE_ACTION = 'judge_span';

export interface JudgementInput {
  /** The judged span. */
  span: Span;
  verdict: CurationVerdict;
  elapsedMs: number;
  metrics: QualityMetrics;
  result: VerdictResult;
  /** Epoch milliseconds of the verdict, from the host's clock. */
  whenMs: number;
  /** Who judged; a person's name never needs to be stored, so the default is `developer`. */
  who?: string;
}

/**
 * A human judgement as a span: the developer did `judge_span` to the judged span's id, linked through
 * `previous_spans`, with the verdict, the meter's opinion and the running score in metadata. Judgements are spans so
 * they flow into datasets and back into the score like everything else; `status` records whether the player agreed.
 */
export function judgementSpan(input: JudgementInput): Omit<Span, 'id'> {
  const { result, metrics } = input;
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'user_feedback',
    who: input.who ?? 'developer',
    did: JUDGE_ACTION,
    this: input.span.id,
    when: new Date(input.whenMs).toISOString(),
    status: 'completed',
    if_ok: `${input.verdict} (meter: ${result.expected}, ${metrics.total_score})`,
    confirmed_by: 'rapid-fire curation',
    context: { environment: input.span.context?.environment ?? 'curation', previous_spans: [input.span.id], previous_actions: [input.span.did] },
    metadata: {
      verdict: input.verdict,
      meter_class: metrics.class,
      meter_total: metrics.total_score,
      outcome: result.outcome,
      elapsed_ms: Math.round(input.elapsedMs),
      xp_gained: result.xpGained,
      xp: result.score.xp,
      streak: result.score.streak,
      best_streak: result.score.bestStreak,
      judged: result.score.judged,
      agreed: result.score.agreed,
    },
  };
}

/** Ids of the spans already judged (the `this` of every judgement). */
export function judgedSpanIds(spans: Iterable<Span>): Set<string> {
  const ids = new Set<string>();
  for (const span of spans) if (span.did === JUDGE_ACTION) ids.add(span.this);
  return ids;
}

/** The score carried by the latest judgement (by `when`, then order); the empty score when there is none. */
export function restoreCurationScore(spans: Iterable<Span>): CurationScore {
  let latest: Span | undefined;
  for (const span of spans) {
    if (span.did === JUDGE_ACTION && (latest === undefined || span.when >= latest.when)) latest = span;
  }
  const m = latest?.metadata;
  if (m === undefined) return EMPTY_CURATION_SCORE;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
  return { xp: n(m.xp), streak: n(m.streak), bestStreak: n(m.best_streak), judged: n(m.judged), agreed: n(m.agreed) };
}
