import type { ChatAnswerSource, ChatRating, ChatRequestMessage, ChatResult } from '@arenalab/protocol';

/** One row of the chat panel. */
export type ChatEntry =
  | { kind: 'question'; text: string }
  | { kind: 'answer'; result: ChatResult; rating?: ChatRating }
  | { kind: 'error'; text: string };

/**
 * The chat panel's conversation, kept by the extension (the webview is re-created whenever the view is hidden):
 * what was asked, what came back, what was rated. Pure, so it is tested without an editor.
 */
export class ChatConversation {
  private readonly list: ChatEntry[] = [];
  private waiting = false;

  constructor(readonly id: string) {}

  get entries(): readonly ChatEntry[] {
    return this.list;
  }

  /** An answer is on its way; the panel says so and does not take another question meanwhile. */
  get busy(): boolean {
    return this.waiting;
  }

  /**
   * Adds a question and returns the conversation to send: every question and answer so far, oldest first (an error
   * row is not a message; its question stays, as history for the next one). Undefined when the text is blank or an answer is pending.
   */
  ask(text: string): ChatRequestMessage[] | undefined {
    const question = text.trim();
    if (question === '' || this.waiting) return undefined;
    this.list.push({ kind: 'question', text: question });
    this.waiting = true;
    return this.messages();
  }

  answered(result: ChatResult): void {
    this.waiting = false;
    this.list.push({ kind: 'answer', result });
  }

  failed(message: string): void {
    this.waiting = false;
    this.list.push({ kind: 'error', text: message });
  }

  /** Records a rating once; returns false for an unknown or already rated answer, so it is reported only once. */
  rate(answerId: string, rating: ChatRating): boolean {
    const entry = this.answer(answerId);
    if (entry === undefined || entry.rating !== undefined) return false;
    entry.rating = rating;
    return true;
  }

  /** A source of an answer by its position in the answer's provenance. */
  source(answerId: string, index: number): ChatAnswerSource | undefined {
    return this.answer(answerId)?.result.provenance[index];
  }

  private answer(answerId: string): Extract<ChatEntry, { kind: 'answer' }> | undefined {
    return this.list.find((e): e is Extract<ChatEntry, { kind: 'answer' }> => e.kind === 'answer' && e.result.answerId === answerId);
  }

  private messages(): ChatRequestMessage[] {
    const messages: ChatRequestMessage[] = [];
    for (const entry of this.list) {
      if (entry.kind === 'question') messages.push({ role: 'user', content: entry.text });
      else if (entry.kind === 'answer') messages.push({ role: 'assistant', content: entry.result.text });
    }
    return messages;
  }
}
