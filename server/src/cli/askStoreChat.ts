import { ASK_QUESTION, ChatEngine } from '@arenalab/core';
import type { Cancellation, ChatAnswer, Clock, Progress, Span } from '@arenalab/core';
import { answerChat } from '../answering';
import { loadStoreSpans } from '../store';

export interface StoreChatAnswer {
  question: string;
  /** Set when the question was not given: the id of the stored question asked again. */
  askedFrom?: string;
  answer: ChatAnswer;
  /** Question/answer pairs the engine answers from. */
  pairs: number;
}

/** The newest answered question of the store, asked again when the user gives none. */
function newestQuestion(spans: readonly Span[]): Span | undefined {
  return spans.filter((s) => s.did === ASK_QUESTION && s.status === 'completed' && Boolean(s.if_ok?.trim())).sort((a, b) => b.when.localeCompare(a.when))[0];
}

/**
 * One chat answer over the store's question/answer spans, through the chat path the language server and the API use
 * (no tools here), so the answer leaves with its secrets redacted. Undefined when the store holds no answered question
 * and none was given.
 */
export async function askStoreChat(storeDir: string, question: string | undefined, clock: Clock, token: Cancellation, progress: Progress): Promise<StoreChatAnswer | undefined> {
  const spans = await loadStoreSpans(storeDir, token, progress);
  const stored = question === undefined ? newestQuestion(spans) : undefined;
  const asked = question ?? stored?.this;
  if (asked === undefined) return undefined;
  const engine = await ChatEngine.create(spans, { clock }, token);
  const reply = await answerChat(asked, [{ role: 'user', content: asked }], { engine: () => Promise.resolve(engine), log: () => undefined }, token);
  if (reply.via !== 'engine') throw new Error('the main job asks with no tools, so the chat engine answers');
  return { question: asked, askedFrom: stored?.id, answer: reply.engine, pairs: engine.size };
}
