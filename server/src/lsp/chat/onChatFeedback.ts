import { CHAT_RATINGS } from '@arenalab/protocol';
import type { ChatFeedbackParams } from '@arenalab/protocol';
import type { Clock } from '@arenalab/core';
import { rateAnswerSpan } from '../../outcomes';
import type { OutcomeRecorder } from '../../outcomes';
import type { ChatAnswerMemory } from './chatAnswerMemory';

/** Feedback that names no known answer, or has a wrong field; the guard logs it with the method name. */
export class ChatFeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatFeedbackError';
  }
}

/** What chat feedback uses: the answers given, the recorder its rating span goes through, and the clock. */
export interface ChatFeedbackDeps {
  readonly answers: ChatAnswerMemory;
  readonly outcomes: OutcomeRecorder;
  readonly clock: Clock;
}

/** Longest comment kept; the rest is cut, since a rating span is not the place for an essay. */
const MAX_COMMENT = 2000;

/**
 * `arenalab/chatFeedback`: 👍/👎 on an answer becomes a `rate_answer` span with the question, the answer and the
 * spans it came from, queued through the outcome recorder (redacted and validated there; never awaited).
 */
export function onChatFeedback(deps: ChatFeedbackDeps, params: ChatFeedbackParams): void {
  if (!CHAT_RATINGS.includes(params?.rating)) throw new ChatFeedbackError(`rating: expected one of ${CHAT_RATINGS.join(', ')}, got ${JSON.stringify(params?.rating)}`);
  if (params.comment !== undefined && typeof params.comment !== 'string') throw new ChatFeedbackError('comment: expected a string');
  const answer = deps.answers.get(params.answerId);
  if (answer === undefined) throw new ChatFeedbackError(`unknown or forgotten answer ${JSON.stringify(params.answerId)}`);
  const comment = params.comment?.trim() ? params.comment.trim().slice(0, MAX_COMMENT) : undefined;
  deps.outcomes.record(rateAnswerSpan({
    answerId: answer.answerId, rating: params.rating, comment, question: answer.question, answer: answer.text, method: answer.method,
    confidence: answer.confidence, sourceSpanIds: answer.sourceSpanIds, conversationId: answer.conversationId, whenMs: deps.clock.now(),
  }));
}
