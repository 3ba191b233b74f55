import { z } from 'zod';
import { isIsoDate } from './isoDate';
import { SPAN_SCHEMA_VERSION, SPAN_SOURCES, SPAN_STAKES, SPAN_STATUSES } from './span';

/** Marker message of the non-blank check; the issue mapper turns it into the final wording. */
export const BLANK_MESSAGE = 'must not be empty';
/** Marker message of the date check; the issue mapper appends what it got. */
export const DATE_MESSAGE = 'must be an ISO-8601 date';

const text = () => z.string().refine((value) => value.trim() !== '', { message: BLANK_MESSAGE, abort: true });
const status = z.enum(SPAN_STATUSES);
const strings = z.array(z.string());

const contextSchema = z.looseObject({
  previous_spans: strings.optional(),
  environment: z.string().optional(),
  stakes: z.enum(SPAN_STAKES).optional(),
  emotional_state: z.string().optional(),
  previous_actions: strings.optional(),
  previous_outcomes: z.array(status).optional(),
});

const metadataSchema = z.looseObject({
  llm_provider: z.string().optional(),
  model: z.string().optional(),
  temperature: z.number().optional(),
  tokens_used: z.number().optional(),
  quality_score: z.number().optional(),
  created_from: z.string().optional(),
});

/**
 * The input shape of a span. `id`, `source` and `schema_version` may be absent (validateSpan fills
 * them in); every other top-level name is rejected so that a typo such as `stauts` is reported
 * instead of silently dropping the field.
 */
export const spanInputSchema = z.strictObject({
  schema_version: z.number().int().min(1).max(SPAN_SCHEMA_VERSION).optional(),
  id: text().optional(),
  source: z.enum(SPAN_SOURCES).optional(),
  who: text(),
  did: text(),
  this: text(),
  when: z.string().refine(isIsoDate, { message: DATE_MESSAGE }),
  status,
  context: contextSchema.optional(),
  if_ok: z.string().optional(),
  if_not: z.string().optional(),
  confirmed_by: z.string().optional(),
  metadata: metadataSchema.optional(),
});

export type SpanInput = z.infer<typeof spanInputSchema>;

/** Top-level field names a span may carry, for typo suggestions. */
export const SPAN_FIELD_NAMES: readonly string[] = Object.keys(spanInputSchema.shape);
