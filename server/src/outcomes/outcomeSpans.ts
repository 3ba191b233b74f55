import { codeDomain, SPAN_SCHEMA_VERSION } from '@arenalab/core';
import type { CompletionCandidate, Span, SpanStatus } from '@arenalab/core';

/** What the developer did with a shown suggestion, as the client reports it. */
export type SuggestionOutcomeKind = 'shown' | 'accepted' | 'partially_accepted' | 'dismissed';

/** How the client knew a suggestion was dismissed. */
export type DismissalReason = 'explicit' | 'typed_over' | 'timeout';

/** An accepted suggestion is done, a dismissed one failed, a merely shown one is still open. */
const STATUS_BY_OUTCOME: Record<SuggestionOutcomeKind, SpanStatus> = {
  shown: 'pending',
  accepted: 'completed',
  partially_accepted: 'completed',
  dismissed: 'failed',
};

export interface SuggestionOutcomeInput {
  suggestionId: string;
  outcome: SuggestionOutcomeKind;
  /** Workspace-relative path of the document the suggestion was shown in. */
  file: string;
  language: string;
  candidate: CompletionCandidate;
  /** Epoch milliseconds of the report. */
  whenMs: number;
  /** For a partial acceptance: the prefix of the suggestion that was inserted. */
  acceptedText?: string;
  /** For a dismissal: explicit, typed over, or timed out on the client. */
  reason?: DismissalReason;
}

/**
 * A suggestion's outcome as a span: ArenaLab suggested `if_ok` at `file:line`, after the code windows it came from
 * (`previous_spans`), and the developer accepted, dismissed or only saw it. No id: the store derives it from the
 * content, so the same report stored twice is one span.
 */
export function suggestionOutcomeSpan(input: SuggestionOutcomeInput): Omit<Span, 'id'> {
  const { candidate } = input;
  const accepted = input.outcome === 'accepted' || input.outcome === 'partially_accepted';
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'editor',
    who: 'arenalab',
    did: 'suggest_completion',
    this: `${input.file}:${candidate.range.start.line + 1}`,
    when: new Date(input.whenMs).toISOString(),
    status: STATUS_BY_OUTCOME[input.outcome],
    if_ok: candidate.text,
    ...(accepted ? { confirmed_by: input.outcome === 'accepted' ? 'accepted by user' : 'partially accepted by user' } : {}),
    context: {
      environment: codeDomain(input.language),
      previous_spans: candidate.provenance.flatMap((p) => (p.spanId === undefined ? [] : [p.spanId])),
    },
    metadata: {
      suggestion_id: input.suggestionId,
      confidence: candidate.confidence,
      // The raw score, mode and language label this outcome as a calibration sample (core's outcomeCalibrationSample).
      ...(candidate.rawConfidence !== undefined ? { raw_confidence: candidate.rawConfidence } : {}),
      ...(candidate.mode !== undefined ? { mode: candidate.mode } : {}),
      language: input.language,
      method: candidate.method,
      outcome: input.outcome,
      file: input.file,
      line: candidate.range.start.line,
      // Where each source lives, so forgetting a file also forgets what its places learned (core/learning).
      sources: candidate.provenance.flatMap((p) => (p.spanId === undefined || p.file === undefined ? [] : [{ spanId: p.spanId, file: p.file }])),
      ...(input.acceptedText !== undefined ? { accepted_text: input.acceptedText, accepted_chars: input.acceptedText.length } : {}),
      ...(input.reason !== undefined ? { dismiss_reason: input.reason } : {}),
    },
  };
}

export interface TaskResultInput {
  name: string;
  kind: 'task' | 'debug' | 'tests';
  exitCode: number;
  durationMs: number;
  passed?: number;
  failed?: number;
  /** Ids of the suggestion spans accepted shortly before, which this run tests. */
  acceptedSpanIds: readonly string[];
  whenMs: number;
}

/**
 * A task, debug session or test run as a span linked to the suggestions accepted before it, so later learning can
 * weigh those suggestions by whether the code worked. Failed tests fail the span even when the exit code is 0.
 */
export function taskResultSpan(input: TaskResultInput): Omit<Span, 'id'> {
  const failed = input.exitCode !== 0 || (input.failed ?? 0) > 0;
  const counts = input.passed !== undefined || input.failed !== undefined ? `, ${input.passed ?? 0} passed, ${input.failed ?? 0} failed` : '';
  const summary = `exit code ${input.exitCode}${counts}`;
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'editor',
    who: 'developer',
    did: input.kind === 'tests' ? 'run_tests' : 'run_task',
    this: input.name,
    when: new Date(input.whenMs).toISOString(),
    status: failed ? 'failed' : 'completed',
    ...(failed ? { if_not: summary } : { if_ok: summary }),
    context: { environment: 'programming', previous_spans: [...input.acceptedSpanIds] },
    metadata: {
      kind: input.kind,
      exit_code: input.exitCode,
      duration_ms: input.durationMs,
      ...(input.passed !== undefined ? { passed: input.passed } : {}),
      ...(input.failed !== undefined ? { failed: input.failed } : {}),
    },
  };
}
