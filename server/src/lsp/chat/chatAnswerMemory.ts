/** What the server remembers of an answer it gave, so 👍/👎 on it can be stored with its question and sources. */
export interface RememberedAnswer {
  answerId: string;
  question: string;
  text: string;
  method: string;
  confidence: number;
  sourceSpanIds: string[];
  conversationId?: string;
}

/**
 * The last N chat answers by id. Bounded because a panel left open all day keeps asking; feedback on an answer that
 * aged out is reported as unknown rather than stored without its question.
 */
export class ChatAnswerMemory {
  private readonly answers = new Map<string, RememberedAnswer>();

  constructor(private readonly capacity = 500) {}

  remember(answer: RememberedAnswer): void {
    this.answers.set(answer.answerId, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value as string);
  }

  get(answerId: string): RememberedAnswer | undefined {
    return this.answers.get(answerId);
  }
}
