import { ASK_QUESTION, detectDomain, GENERAL_DOMAIN, getSpan } from '@arenalab/core';
import type { Cancellation, MatchContext, SpanStatus, TrajectoryMatcher } from '@arenalab/core';
import type { ChatAnswer, ChatBackend } from './chatBackend';
import type { ChatTurn } from './chatRequest';
import { questionOverlapWeight } from './questionOverlap';

interface UserTurn {
  question: string;
  answered: boolean;
}

/** The user questions in order, each with whether an assistant message followed it (as chat import records turns). */
function userTurns(messages: readonly ChatTurn[]): UserTurn[] {
  const turns: UserTurn[] = [];
  for (const message of messages) {
    if (message.role === 'user') turns.push({ question: message.content, answered: false });
    else if (message.role === 'assistant' && turns.length > 0) turns[turns.length - 1].answered = true;
  }
  return turns;
}

/**
 * The matcher's context for the conversation, built the way chat import builds a turn's span context, so that a live
 * conversation compares like the imported ones: the domain of the question (a follow-up naming none keeps the domain
 * of the question before it) and the earlier turns as previous actions with their outcomes.
 */
export function conversationContext(messages: readonly ChatTurn[]): { question: string; context: MatchContext } {
  const turns = userTurns(messages);
  const last = turns[turns.length - 1];
  const earlier = turns.slice(0, -1);
  let environment = detectDomain(last.question);
  for (let i = earlier.length - 1; environment === GENERAL_DOMAIN && i >= 0; i--) environment = detectDomain(earlier[i].question);
  const context: MatchContext = { environment };
  if (earlier.length > 0) {
    context.previous_actions = earlier.map(() => ASK_QUESTION);
    context.previous_outcomes = earlier.map((turn): SpanStatus => (turn.answered ? 'completed' : 'failed'));
  }
  return { question: last.question, context };
}

/**
 * A chat creature over a diamond dataset of question/answer spans: the last user message is the action, the
 * conversation before it the context, and the answer is the matcher's vote over the outcomes of similar past
 * questions (majority, synthesis, an honest "not sure", or the fallback), each weighted by its word overlap with
 * the question (questionOverlapWeight).
 */
export class MatcherChatBackend implements ChatBackend {
  constructor(private readonly matcher: TrajectoryMatcher) {}

  async answer(messages: readonly ChatTurn[], _options: unknown, cancellation: Cancellation): Promise<ChatAnswer> {
    const { question, context } = conversationContext(messages);
    const weights = (spanId: string): number => {
      const past = getSpan(this.matcher.dataset, spanId)?.span;
      return past ? questionOverlapWeight(question, past.this) : 1;
    };
    const prediction = await this.matcher.predict(context, question, { token: cancellation, weights });
    return {
      text: prediction.output,
      confidence: prediction.confidence / 100,
      method: prediction.method,
      trajectoriesUsed: prediction.trajectories_used,
      provenance: prediction.provenance.map((entry) => ({ spanId: entry.spanId, similarity: entry.similarity })),
    };
  }
}
