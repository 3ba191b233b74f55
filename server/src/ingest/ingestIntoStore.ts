import { formatRecordProblem, prepareSpansForStore, problemKind } from '@arenalab/core';
import type { Cancellation, Progress, RecordProblem, SecretKind, Span } from '@arenalab/core';
import { StoreError, type SpanStore } from '../store';
import type { SpanSource } from './spanSource';

export interface IngestConfig {
  /** Spans per durable append (one write + one fsync). @default 1000 */
  batchSize: number;
  /** How many problems the report lists in full; all are counted. @default 50 */
  maxListedProblems: number;
}

export const DEFAULT_INGEST_CONFIG: IngestConfig = { batchSize: 1000, maxListedProblems: 50 };

export interface IngestReport {
  sources: { path: string; format: string; spans: number; problems: number }[];
  /** Spans that passed validation. */
  accepted: number;
  /** Newly stored (acknowledged) spans. */
  appended: number;
  /** Spans already in the store (same content or id). */
  duplicates: number;
  /** Records reported and skipped. */
  problemCount: number;
  problems: string[];
  /** Skipped records counted by kind of problem (field and message without the offending value), most frequent first. */
  problemKinds: { kind: string; count: number }[];
  redactions: Partial<Record<SecretKind, number>>;
  redactedSpans: number;
  cancelled: boolean;
  /**
   * Set when an append failed (a full disk, damage found in the log): the store's message. Ingest stops there;
   * `appended` is exactly what this run durably stored before it, and `notStored` the spans read but not stored.
   */
  failure?: { message: string; notStored: number };
}

class ReportBuilder {
  readonly report: IngestReport = {
    sources: [], accepted: 0, appended: 0, duplicates: 0, problemCount: 0, problems: [], problemKinds: [], redactions: {}, redactedSpans: 0, cancelled: false,
  };
  private readonly kinds = new Map<string, number>();
  constructor(private readonly config: IngestConfig) {}

  addProblems(problems: readonly RecordProblem[]): void {
    this.report.problemCount += problems.length;
    for (const problem of problems) {
      const kind = problemKind(problem);
      this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
      if (this.report.problems.length < this.config.maxListedProblems) this.report.problems.push(formatRecordProblem(problem));
    }
  }

  finish(): IngestReport {
    this.report.problemKinds = [...this.kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    return this.report;
  }

  addRedactions(redactions: Partial<Record<SecretKind, number>>, spans: number): void {
    for (const [kind, count] of Object.entries(redactions) as [SecretKind, number][]) {
      this.report.redactions[kind] = (this.report.redactions[kind] ?? 0) + count;
    }
    this.report.redactedSpans += spans;
  }
}

/**
 * Reads every source, validates and redacts each span, and appends them to the store in durable batches. Cancellation
 * is honoured between batches only, so a stop never leaves half a batch acknowledged: what was appended is stored,
 * the rest is simply not read. A failed append stops the run the same way, with the store's reason in `failure`.
 */
export async function ingestIntoStore(
  sources: readonly SpanSource[],
  store: SpanStore,
  token: Cancellation,
  progress: Progress,
  config: IngestConfig = DEFAULT_INGEST_CONFIG,
): Promise<IngestReport> {
  const builder = new ReportBuilder(config);
  const pending: Span[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    let result;
    try {
      result = await store.append(pending);
    } catch (error) {
      if (!(error instanceof StoreError) || error.code === 'closed') throw error;
      builder.report.failure = { message: error.message, notStored: pending.length };
      return;
    } finally {
      pending.length = 0;
    }
    builder.report.appended += result.appended;
    builder.report.duplicates += result.duplicates;
    progress.report(builder.report.accepted, undefined, `${builder.report.appended} stored`);
  };
  for (const source of sources) {
    const entry = { path: source.path, format: source.format, spans: 0, problems: 0 };
    builder.report.sources.push(entry);
    for await (const batch of source.batches(token)) {
      const prepared = prepareSpansForStore(batch.candidates);
      builder.addProblems(batch.problems);
      builder.addProblems(prepared.problems);
      builder.addRedactions(prepared.redactions, prepared.redactedSpans);
      entry.spans += prepared.spans.length;
      entry.problems += batch.problems.length + prepared.problems.length;
      builder.report.accepted += prepared.spans.length;
      pending.push(...prepared.spans);
      if (pending.length >= config.batchSize) await flush();
      if (builder.report.failure) return builder.finish();
      if (token.isCancelled) {
        builder.report.cancelled = true;
        return builder.finish();
      }
    }
  }
  await flush();
  return builder.finish();
}
