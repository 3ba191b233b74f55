import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';
import { sha256Hex } from '../util/sha256';

/** Ids of the outcome spans a learned span was derived from (`metadata.derived_from`): unlearning any drops it. */
export function derivedFrom(span: Span): string[] {
  const ids = span.metadata?.derived_from;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function where(suggestion: Span): string {
  const file = suggestion.metadata?.file;
  const line = suggestion.metadata?.line;
  return typeof file === 'string' && typeof line === 'number' ? `line ${line + 1} of ${file}` : `code at ${suggestion.this}`;
}

/**
 * An accepted suggestion the developer kept: the code it inserted, written by the developer in that place after
 * the windows it came from. Derived from the suggestion and every check that confirmed it, so deleting any of
 * them unlearns it; the id follows from those ids.
 */
export function retainedSuggestionSpan(suggestion: Span, confirmations: readonly Span[]): Span {
  const derived = [suggestion.id, ...confirmations.map((c) => c.id)];
  const last = confirmations.reduce((latest, c) => (c.when > latest.when ? c : latest), confirmations[0] ?? suggestion);
  const afterMs = last.metadata?.after_ms;
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    id: 'learned_' + sha256Hex(derived.join('\u0000')).slice(0, 24),
    source: 'user_feedback',
    who: 'developer',
    did: 'write_code',
    this: where(suggestion),
    when: last.when,
    status: 'completed',
    if_ok: suggestion.if_ok ?? '',
    confirmed_by: typeof afterMs === 'number' ? `accepted and retained after ${afterMs} ms` : 'accepted and retained',
    context: { ...(suggestion.context?.environment ? { environment: suggestion.context.environment } : {}), previous_spans: [...(suggestion.context?.previous_spans ?? [])] },
    metadata: {
      created_from: 'online_learning',
      derived_from: derived,
      ...(suggestion.metadata?.file !== undefined ? { file: suggestion.metadata.file } : {}),
      ...(suggestion.metadata?.line !== undefined ? { line: suggestion.metadata.line } : {}),
      ...(suggestion.metadata?.confidence !== undefined ? { original_confidence: suggestion.metadata.confidence } : {}),
    },
  };
}

/**
 * What a cluster of similar accepted suggestions has in common, as one synthetic span: its most central member's
 * code (a real line; a bag of majority tokens is not code), aggregated from the cluster.
 */
export function feedbackClusterSpan(members: readonly Span[], central: Span, coherence: number): Span {
  const derived = members.map((m) => m.id);
  const latest = members.reduce((a, b) => (b.when > a.when ? b : a));
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    id: 'synthetic_' + sha256Hex(derived.join('\u0000')).slice(0, 24),
    source: 'synthetic_learning',
    who: 'community',
    did: 'write_code',
    this: `recurring accepted code in ${central.context?.environment ?? 'programming'}`,
    when: latest.when,
    status: 'completed',
    if_ok: central.if_ok ?? '',
    confirmed_by: `aggregated from ${members.length} accepted suggestions`,
    context: {
      ...(central.context?.environment ? { environment: central.context.environment } : {}),
      previous_spans: [...new Set(members.flatMap((m) => m.context?.previous_spans ?? []))],
    },
    metadata: { created_from: 'batch_learning', derived_from: derived, coherence: Math.round(coherence * 1000) / 1000, sample_size: members.length },
  };
}
