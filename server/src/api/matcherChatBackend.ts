import { ASK_QUESTION, detectDomain, GENERAL_DOMAIN, getSpan } from '@arenalab/core';
import type { Cancellation, MatchContext, Prediction, SpanStatus, TrajectoryMatcher } from '@arenalab/core';
import type { ChatAnswer, ChatBackend, ChatProvenance } from './chatBackend';
import type { ChatTurn } from './chatRequest';
import { questionOverlap, questionOverlapWeight } from './questionOverlap';

/** Below this word overlap with the nearest voting question, the answer is said to be a guess (method `uncertain`). */
export const MIN_QUESTION_OVERLAP = 0.3;

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
 * questions (majority, synthesis, an honest "not sure", or the fallback), each weighted by its word overlap with the
 * question. The matcher's confidence says how much the voters agree, not whether they were asked the same thing, so
 * it is multiplied by the best overlap; when even that is low the answer is labelled a guess.
 */
export class MatcherChatBackend implements ChatBackend {
  constructor(private readonly matcher: TrajectoryMatcher) {}

  async answer(messages: readonly ChatTurn[], _options: unknown, cancellation: Cancellation): Promise<ChatAnswer> {
    const { question, context } = conversationContext(messages);
    const pastQuestion = (spanId: string): string | undefined => getSpan(this.matcher.dataset, spanId)?.span.this;
    const weights = (spanId: string): number => {
      const past = pastQuestion(spanId);
      return past === undefined ? 1 : questionOverlapWeight(question, past);
    };
    const prediction = await this.matcher.predict(context, question, { token: cancellation, weights });
    const provenance: ChatProvenance[] = prediction.provenance.map((entry) => ({
      spanId: entry.spanId,
      similarity: entry.similarity,
      questionOverlap: Math.round(questionOverlap(question, pastQuestion(entry.spanId) ?? '') * 1000) / 1000,
    }));
    return this.worded(prediction, provenance, pastQuestion);
  }

  private worded(prediction: Prediction, provenance: ChatProvenance[], pastQuestion: (spanId: string) => string | undefined): ChatAnswer {
    const base = { trajectoriesUsed: prediction.trajectories_used, provenance };
    if (prediction.method === 'fallback') return { ...base, text: prediction.output, confidence: prediction.confidence / 100, method: prediction.method };
    const nearest = provenance.reduce((best, entry) => ((entry.questionOverlap ?? 0) > (best.questionOverlap ?? 0) ? entry : best), provenance[0]);
    const overlap = nearest?.questionOverlap ?? 0;
    const confidence = (prediction.confidence / 100) * overlap;
    if (overlap >= MIN_QUESTION_OVERLAP) return { ...base, text: prediction.output, confidence, method: prediction.method };
    const text = `I'm not sure: no past question was close to this one. The nearest ("${pastQuestion(nearest.spanId) ?? nearest.spanId}") was answered: ${prediction.output}`;
    return { ...base, text, confidence, method: 'uncertain' };
  }
}
