import { describeValue } from './describeValue';
import { jsonValueProblems, type FieldProblem } from './jsonValueProblems';
import { SPAN_SCHEMA_VERSION, type Span } from './span';
import { derivedSpanId } from './spanContentHash';
import { SPAN_FIELD_NAMES, spanInputSchema, type SpanInput } from './spanSchema';
import { zodIssueProblems } from './zodIssueProblems';

export interface SpanValidationConfig {
  /**
   * Largest UTF-8 size, in bytes, of any string anywhere in a span (top-level fields, context,
   * metadata, array items). Bigger records are rejected rather than truncated, so nothing is
   * silently altered. Must be positive. @default 1_048_576 (1 MB)
   */
  maxFieldBytes: number;
  /** Deepest nesting of objects and arrays inside a span; deeper (or cyclic) values are rejected. 1–1000. @default 32 */
  maxDepth: number;
  /** At most this many problems are reported per span; the rest are dropped to keep reports readable. @default 20 */
  maxProblems: number;
}

export const DEFAULT_SPAN_VALIDATION_CONFIG: SpanValidationConfig = {
  maxFieldBytes: 1_048_576,
  maxDepth: 32,
  maxProblems: 20,
};

export type SpanValidationResult = { ok: true; span: Span } | { ok: false; problems: FieldProblem[] };

/** Thrown by {@link assertValidSpan}; carries every problem found. */
export class SpanValidationError extends Error {
  readonly code = 'SPAN_INVALID' as const;
  constructor(readonly problems: FieldProblem[]) {
    super(`invalid span: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'SpanValidationError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fills in what a span may omit on input: `schema_version` (the current one), `source`
 * (`user_upload`, the source of records a person hands in) and `id` (derived from the
 * content hash, so the same record always gets the same id).
 */
function withDefaults(input: SpanInput): Span {
  const { id, schema_version, source, ...rest } = input;
  const version = schema_version ?? SPAN_SCHEMA_VERSION;
  const content = { schema_version: version, source: source ?? 'user_upload', ...rest };
  // Identity fields first, so spans written back out read naturally.
  const { schema_version: _version, ...others } = content;
  return { schema_version: version, id: id ?? derivedSpanId(content), ...others };
}

function check(value: unknown, config: SpanValidationConfig): SpanValidationResult {
  if (!isRecord(value)) return { ok: false, problems: [{ field: '-', message: `must be a JSON object, got ${describeValue(value)}` }] };
  const problems = jsonValueProblems(value, config);
  // Reporting inputs makes zod about 3x slower, so it is only asked for once a span has failed.
  const parsed = spanInputSchema.safeParse(value);
  if (!parsed.success) {
    const seen = new Set(problems.map((p) => p.field));
    const detailed = spanInputSchema.safeParse(value, { reportInput: true });
    const issues = detailed.success ? parsed.error.issues : detailed.error.issues;
    for (const problem of zodIssueProblems(issues, SPAN_FIELD_NAMES)) {
      if (!seen.has(problem.field)) problems.push(problem);
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, config.maxProblems) };
  return parsed.success ? { ok: true, span: withDefaults(parsed.data) } : { ok: false, problems };
}

/**
 * Checks any value against the span schema and returns either the span (with defaults filled in)
 * or every problem found, each with a dotted field path and a message saying what was expected and
 * what was found. Never throws, whatever it is given.
 */
export function validateSpan(value: unknown, config: SpanValidationConfig = DEFAULT_SPAN_VALIDATION_CONFIG): SpanValidationResult {
  try {
    return check(value, config);
  } catch (error) {
    // Only exotic objects (throwing getters, proxies) get here; JSON input never does.
    return { ok: false, problems: [{ field: '-', message: `could not be read: ${error instanceof Error ? error.message : 'unreadable value'}` }] };
  }
}

/** Like {@link validateSpan} but returns the span or throws a {@link SpanValidationError}. */
export function assertValidSpan(value: unknown, config?: SpanValidationConfig): Span {
  const result = validateSpan(value, config);
  if (!result.ok) throw new SpanValidationError(result.problems);
  return result.span;
}
