import { redactSpanSecrets } from '../secrets/redactSecrets';
import type { SecretKind } from '../secrets/secretKind';
import type { Span } from '../spans/span';
import { validateSpan } from '../spans/validateSpan';
import type { RecordProblem } from '../spans/recordProblem';

/** Where a span came from, for problem messages (`file:line`). */
export interface SpanOrigin {
  file: string;
  line: number;
}

export interface PreparedSpans {
  spans: Span[];
  problems: RecordProblem[];
  /** Secrets replaced, per kind. */
  redactions: Partial<Record<SecretKind, number>>;
  /** Number of spans in which at least one secret was replaced. */
  redactedSpans: number;
}

/**
 * The last gate before the store: every span is validated again (importers are boundaries too, and a bug in one must
 * not put a malformed span on disk) and then has its secrets redacted. Invalid spans are reported and skipped.
 */
export function prepareSpansForStore(
  candidates: readonly { span: unknown; origin: SpanOrigin }[],
): PreparedSpans {
  const result: PreparedSpans = { spans: [], problems: [], redactions: {}, redactedSpans: 0 };
  for (const { span, origin } of candidates) {
    const validated = validateSpan(span);
    if (!validated.ok) {
      for (const problem of validated.problems) result.problems.push({ ...origin, ...problem });
      continue;
    }
    const redacted = redactSpanSecrets(validated.span);
    let found = 0;
    for (const [kind, count] of Object.entries(redacted.counts) as [SecretKind, number][]) {
      if (!count) continue;
      result.redactions[kind] = (result.redactions[kind] ?? 0) + count;
      found += count;
    }
    if (found > 0) result.redactedSpans += 1;
    result.spans.push(redacted.span);
  }
  return result;
}
