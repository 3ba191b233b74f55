import type { QualityConfig } from '../quality/qualityConfig';
import { DEFAULT_QUALITY_CONFIG } from '../quality/qualityConfig';
import type { QualityDimension, QualityMetrics } from '../quality/qualityMetrics';
import { QUALITY_DIMENSIONS } from '../quality/qualityMetrics';
import { scoreSpan } from '../quality/scoreSpan';
import { SPAN_STAKES } from '../spans/span';
import type { Span, SpanContext, SpanMetadata } from '../spans/span';

/** What deep analysis lets a person add: context, metadata and a verification. */
export interface SpanEnrichment {
  /** Context keys to set (`environment`, `stakes`, `emotional_state`, or any other); empty values are ignored. */
  context?: Record<string, string>;
  metadata?: Record<string, string>;
  confirmed_by?: string;
}

export class EnrichmentError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'EnrichmentError';
  }
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED_CONTEXT = new Set(['previous_spans', 'previous_actions', 'previous_outcomes']);
const MAX_VALUE = 2000;

function cleanEntries(field: string, entries: Record<string, string> | undefined): [string, string][] {
  if (entries === undefined) return [];
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new EnrichmentError(field, 'must be an object of strings');
  return Object.entries(entries).flatMap(([key, value]) => {
    if (!KEY.test(key) || key === '__proto__' || key === 'constructor') throw new EnrichmentError(`${field}.${key}`, 'keys are letters, digits and _');
    if (typeof value !== 'string') throw new EnrichmentError(`${field}.${key}`, 'must be a string');
    const trimmed = value.trim();
    if (trimmed.length > MAX_VALUE) throw new EnrichmentError(`${field}.${key}`, `longer than ${MAX_VALUE} characters`);
    return trimmed === '' ? [] : [[key, trimmed] as [string, string]];
  });
}

/** The span with the enrichment merged in (new values win); bad keys or values throw an `EnrichmentError`. */
export function enrichSpan(span: Span, enrichment: SpanEnrichment): Span {
  const context: SpanContext = { ...span.context };
  for (const [key, value] of cleanEntries('context', enrichment.context)) {
    if (RESERVED_CONTEXT.has(key)) throw new EnrichmentError(`context.${key}`, 'is a list of span links and cannot be typed in');
    if (key === 'stakes' && !(SPAN_STAKES as readonly string[]).includes(value)) throw new EnrichmentError('context.stakes', `must be one of ${SPAN_STAKES.join(', ')}`);
    context[key] = value;
  }
  const metadata: SpanMetadata = { ...span.metadata };
  for (const [key, value] of cleanEntries('metadata', enrichment.metadata)) metadata[key] = value;
  const confirmedBy = typeof enrichment.confirmed_by === 'string' ? enrichment.confirmed_by.trim() : '';
  if (confirmedBy.length > MAX_VALUE) throw new EnrichmentError('confirmed_by', `longer than ${MAX_VALUE} characters`);
  return {
    ...span,
    ...(Object.keys(context).length ? { context } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
    ...(confirmedBy ? { confirmed_by: confirmedBy } : {}),
  };
}

export interface RescoreResult {
  span: Span;
  before: QualityMetrics;
  after: QualityMetrics;
  /** after − before per dimension and for the total. */
  delta: Record<QualityDimension | 'total_score', number>;
}

/**
 * The enriched span scored again. Enrichment never touches the embedding text
 * (who, did, this, if_ok), so the uniqueness measured against the corpus is carried over instead of measured anew.
 */
export function rescoreEnriched(span: Span, before: QualityMetrics, enrichment: SpanEnrichment, config: QualityConfig = DEFAULT_QUALITY_CONFIG): RescoreResult {
  const enriched = enrichSpan(span, enrichment);
  const after = scoreSpan(enriched, { uniqueness: before.breakdown.uniqueness }, config);
  const delta = { total_score: round(after.total_score - before.total_score) } as RescoreResult['delta'];
  for (const d of QUALITY_DIMENSIONS) delta[d] = round(after[d] - before[d]);
  return { span: enriched, before, after, delta };
}

const round = (n: number) => Math.round(n * 100) / 100;
