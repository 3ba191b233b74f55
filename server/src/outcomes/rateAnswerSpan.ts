import { detectDomain, SPAN_SCHEMA_VERSION } from '@arenalab/core';
import type { Span } from '@arenalab/core';

export interface RateAnswerInput {
  answerId: string;
  rating: 'up' | 'down';
  comment?: string;
  question: string;
  answer: string;
  method: string;
  confidence: number;
  /** The spans the answer came from (question/answer or tool-use spans). */
  sourceSpanIds: readonly string[];
  conversationId?: string;
  /** Epoch milliseconds of the rating. */
  whenMs: number;
}

/**
 * 👍/👎 on a chat answer as a span: the developer rated ArenaLab's answer `if_ok` (up) or `if_not` (down) to the
 * question `this`, after the spans it came from (`previous_spans`), so later learning can weigh those spans by how
 * their answers were received. No id: the store derives it from the content (the recorder redacts first).
 */
export function rateAnswerSpan(input: RateAnswerInput): Omit<Span, 'id'> {
  const up = input.rating === 'up';
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'editor',
    who: 'developer',
    did: 'rate_answer',
    this: input.question,
    when: new Date(input.whenMs).toISOString(),
    status: up ? 'completed' : 'failed',
    ...(up ? { if_ok: input.answer, confirmed_by: 'rated up by user' } : { if_not: input.answer }),
    context: { environment: detectDomain(input.question), previous_spans: [...input.sourceSpanIds] },
    metadata: {
      answer_id: input.answerId,
      rating: input.rating,
      method: input.method,
      confidence: input.confidence,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      ...(input.conversationId !== undefined ? { conversation_id: input.conversationId } : {}),
    },
  };
}
