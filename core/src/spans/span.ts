/**
 * The span: one atomic record of something that happened. `who` did `did` to `this` at `when`,
 * with a `status`, an outcome (`if_ok` / `if_not`), a verification (`confirmed_by`), a `context`
 * and free `metadata`. Field names follow the seed (RawSpan / DiamondSpan) so that spans written
 * by other ArenaLab tools stay readable.
 */

/** Bumped whenever the stored shape of a span changes incompatibly. */
export const SPAN_SCHEMA_VERSION = 1;

export const SPAN_STATUSES = ['pending', 'completed', 'failed'] as const;
export type SpanStatus = (typeof SPAN_STATUSES)[number];

export const SPAN_STAKES = ['low', 'medium', 'high'] as const;
export type SpanStakes = (typeof SPAN_STAKES)[number];

/**
 * Where a span came from. The raw-record sources plus the curated ones, and the
 * importers of this project (`chat_import`, `git_import`, `editor`), and `tool_use` for ArenaLab's own tool calls.
 */
export const SPAN_SOURCES = [
  'user_upload',
  'web_scrape',
  'api_import',
  'community',
  'user_feedback',
  'synthetic_learning',
  'self_play',
  'augmentation',
  'chat_import',
  'git_import',
  'editor',
  'tool_use',
] as const;
export type SpanSource = (typeof SPAN_SOURCES)[number];

export interface SpanContext {
  /** Ids of the spans that led here (conversation history, previous change of a file). */
  previous_spans?: string[];
  /** Domain or topic, e.g. `programming`, `typescript`, `cooking`. */
  environment?: string;
  stakes?: SpanStakes;
  /** `positive` | `negative` | `neutral`, or a free value such as `focused`. */
  emotional_state?: string;
  /** `did` values of the previous spans, oldest first. */
  previous_actions?: string[];
  /** Statuses of the previous spans, oldest first. */
  previous_outcomes?: SpanStatus[];
  [key: string]: unknown;
}

export interface SpanMetadata {
  llm_provider?: string;
  model?: string;
  temperature?: number;
  tokens_used?: number;
  quality_score?: number;
  created_from?: string;
  [key: string]: unknown;
}

export interface Span {
  /** Schema version the span was written with. */
  schema_version: number;
  /**
   * Unique id. May be absent on input: validateSpan then derives `sp_` + the first 24 hex digits
   * of the content hash, so the same record always gets the same id.
   */
  id: string;
  /** Where the span came from. May be absent on input: validateSpan fills in `user_upload`. */
  source: SpanSource;
  who: string;
  did: string;
  this: string;
  /** ISO-8601 timestamp. */
  when: string;
  status: SpanStatus;
  context?: SpanContext;
  if_ok?: string;
  if_not?: string;
  confirmed_by?: string;
  metadata?: SpanMetadata;
}

/** A span together with its content hash (SHA-256 hex of the canonical JSON of the span). */
export interface HashedSpan {
  span: Span;
  hash: string;
}
