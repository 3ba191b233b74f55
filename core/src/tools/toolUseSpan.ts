import { detectDomain } from '../spans/detectDomain';
import { SPAN_SCHEMA_VERSION, type Span } from '../spans/span';
import type { ToolResult } from './tool';
import type { ToolDecision } from './toolDecider';

/** Longest text kept in a span field (request, answer, one argument); the store holds records, not outputs. */
export const MAX_SPAN_TEXT = 4000;

function cap(text: string): string {
  return text.length > MAX_SPAN_TEXT ? `${text.slice(0, MAX_SPAN_TEXT)} [truncated]` : text;
}

function capArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, typeof value === 'string' ? cap(value) : value]));
}

export interface ToolUseSpanInput {
  request: string;
  kind: string;
  decision?: ToolDecision;
  results: readonly ToolResult[];
  answer: string;
  whenMs: number;
  previousSpans?: readonly string[];
}

/**
 * A tool use as a span (seed: ToolLearner.recordToolUse): ArenaLab did `use_tool` on the request; completed when
 * every tool worked, failed otherwise; `metadata.tools_used` is what the success table and the decider learn from.
 * No id: the store derives it from the content.
 */
export function toolUseSpan(input: ToolUseSpanInput): Omit<Span, 'id'> {
  const ok = input.results.length > 0 && input.results.every((result) => result.success);
  const errors = input.results.filter((result) => !result.success).map((result) => `${result.toolId}: ${result.error ?? 'failed'}`);
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'tool_use',
    who: 'arenalab',
    did: 'use_tool',
    this: cap(input.request),
    when: new Date(input.whenMs).toISOString(),
    status: ok ? 'completed' : 'failed',
    ...(ok ? { if_ok: cap(input.answer) } : { if_not: cap(errors.join('; ') || input.answer) }),
    context: {
      environment: detectDomain(input.request),
      ...(input.previousSpans?.length ? { previous_spans: [...input.previousSpans] } : {}),
    },
    metadata: {
      request_kind: input.kind,
      tools_used: input.results.map((result) => ({
        tool: result.toolId,
        args: capArgs(result.args),
        success: result.success,
        ...(result.errorCode ? { error_code: result.errorCode } : {}),
      })),
      ...(input.decision ? { decision: { method: input.decision.method, confidence: input.decision.confidence, provenance: input.decision.provenance.map((p) => p.spanId) } } : { decision: { method: 'direct' } }),
    },
  };
}
