import type { Cancellation } from '../ports/cancellation';
import type { ChatMessage } from '../ingest/chatConversation';
import type { AnswerGroup } from './chatTypes';

/**
 * An external language model behind an OpenAI-compatible chat endpoint. Core only
 * builds the prompt; the host sends it (server/src/llm). Errors are thrown; the engine then keeps the local answer.
 */
export interface LlmSynthesizer {
  /** Endpoint and model, for notes and explanations (`http://localhost:8080/v1 (llama3)`). */
  readonly id: string;
  /** The assistant's reply to `messages`. */
  complete(messages: readonly ChatMessage[], token?: Cancellation): Promise<string>;
}

const SYSTEM_PROMPT =
  'You merge answers that a curated question/answer memory gave to questions similar to the user\'s. ' +
  'Use only the answers provided; do not add facts of your own. Say where they disagree. ' +
  'Answer in 2-3 sentences, without mentioning the memory or these instructions.';

/** The prompt of the LLM synthesis: the conversation, then the answer groups with their share and an example question. */
export function synthesisPrompt(messages: readonly ChatMessage[], groups: readonly AnswerGroup[]): ChatMessage[] {
  const conversation = messages.filter((m) => m.role === 'user' || m.role === 'assistant').slice(-6);
  const question = conversation.filter((m) => m.role === 'user').pop()?.content ?? '';
  const evidence = groups.slice(0, 4).map((group, i) => {
    const share = `${Math.round(group.share * 100)}% of the similar answers; shared words: ${group.sharedTerms.join(', ') || 'none'}`;
    return `Group ${i + 1} (${share}):\n  ${group.answer.trim()}\n  (given to the question: "${group.exampleQuestion}")`;
  });
  const history = conversation.slice(0, -1).map((m) => `${m.role}: ${m.content}`).join('\n');
  const user = [history ? `Conversation so far:\n${history}\n` : '', `Question: ${question}`, '', 'Answers to similar questions:', ...evidence].join('\n');
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: user },
  ];
}
