import type { Cancellation, RecordProblem, SpanOrigin } from '@arenalab/core';

/** The formats `arenalab ingest --format` accepts; `auto` decides per file. */
export const INGEST_FORMAT_OPTIONS = ['spans', 'chat', 'git', 'auto'] as const;
export type IngestFormatOption = (typeof INGEST_FORMAT_OPTIONS)[number];

/** A unit of input read from one source: candidate spans (not yet validated) and the problems met reading them. */
export interface SourceBatch {
  candidates: { span: unknown; origin: SpanOrigin }[];
  problems: RecordProblem[];
}

/** One file or repository to ingest, read lazily in batches so huge inputs never sit in memory twice. */
export interface SpanSource {
  /** Path as given to the user (file or repository). */
  readonly path: string;
  readonly format: 'spans' | 'chat' | 'chatgpt-export' | 'git';
  batches(token: Cancellation): AsyncIterable<SourceBatch>;
}
