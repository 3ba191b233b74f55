import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';
import { influenceOf } from './learnFromOutcomes';

/** The `did` of a tombstone: the store is append-only, so forgetting is itself recorded. */
export const FORGET_ACTION = 'forget_learning';

export interface ForgetRecord {
  /** Span ids forgotten (outcomes and sources), with everything citing them. */
  spanIds: readonly string[];
  /** The engine key of a file whose places' learned trust was reset. */
  file?: string;
  whenMs: number;
}

/** A tombstone span: what the developer asked to forget, so a restart or a dataset build forgets it again. */
export function forgetSpan(record: ForgetRecord): Omit<Span, 'id'> {
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'editor',
    who: 'developer',
    did: FORGET_ACTION,
    this: record.file ?? `${record.spanIds.length} span(s)`,
    when: new Date(record.whenMs).toISOString(),
    status: 'completed',
    metadata: { forgotten_ids: [...record.spanIds], ...(record.file !== undefined ? { forgotten_file: record.file } : {}) },
  };
}

/** The tombstone's record, or undefined for any other span (or a tombstone of the wrong shape). */
export function forgetRecordOf(span: Span): { spanIds: string[]; file?: string } | undefined {
  if (span.did !== FORGET_ACTION) return undefined;
  const ids = span.metadata?.forgotten_ids;
  const file = span.metadata?.forgotten_file;
  const spanIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  return { spanIds, ...(typeof file === 'string' ? { file } : {}) };
}

/**
 * The spans as if the forgotten ones had never been stored: the tombstones go, and so does every span they name,
 * every span citing one (`previous_spans`: a retention check of a forgotten suggestion) and everything derived from
 * one (`metadata.derived_from`: a diamond candidate or synthetic span), transitively. Datasets, the chat and
 * curation read the store through this.
 */
export function withoutForgotten(spans: readonly Span[]): Span[] {
  const named = spans.flatMap((span) => forgetRecordOf(span)?.spanIds ?? []);
  const gone = named.length === 0 ? new Set<string>() : influenceOf(spans, named);
  return spans.filter((span) => span.did !== FORGET_ACTION && !gone.has(span.id));
}
