import type { ConstitutionalReview, Correction } from '../constitution';
import type { ChatMessage } from '../ingest/chatConversation';

/** How an answer was produced: the outcome-synthesis bands, the optional LLM step, or nothing found. */
export type ChatMethod = 'majority' | 'synthesis' | 'llm_synthesis' | 'uncertain' | 'no_match';

/** A question to answer: the conversation so far, the last user message being the question. */
export interface ChatRequest {
  /** Oldest first; `role` is `user`, `assistant` or `system`. The last `user` message is the question. */
  messages: ChatMessage[];
  /** Domain path of the question; detected from its text when absent. */
  domain?: string;
  /** Set false to keep a medium-confidence answer local even when an LLM is configured. @default true */
  allowLlm?: boolean;
}

/** One question/answer span that voted. */
export interface ChatProvenance {
  spanId: string;
  /** Combined similarity of the span to the request (question, words, history), 0..1. */
  similarity: number;
  /** The span's question. */
  question: string;
  /** The start of the span's answer. */
  snippet: string;
  /** The file the span was imported from, when it records one (`metadata.file`). */
  file?: string;
}

/** Answers that say the same thing (one outcome cluster), with the words they share. */
export interface AnswerGroup {
  /** The most central answer of the group. */
  answer: string;
  /** Share of the weighted vote, 0..1. */
  share: number;
  spanIds: string[];
  /** The question of the group's most similar span. */
  exampleQuestion: string;
  /** Words (no stop words) found in more than half of the group's answers, most frequent first, at most 10. */
  sharedTerms: string[];
}

/** What the constitution said about the answer, and how it was corrected if it had to be. */
export interface ChatConstitutionReport extends ConstitutionalReview {
  /** Set when a hard violation replaced the text: hedged (uncertainty stated) or refused. */
  correction?: { kind: Correction; principleId: string; reason: string; originalText: string };
}

export interface ChatAnswer {
  text: string;
  /** 0..1: agreement of the vote × evidence (n / (n + prior)) × mean similarity of the winning answers. */
  confidence: number;
  method: ChatMethod;
  /** The spans that voted, most similar first. */
  provenance: ChatProvenance[];
  /** Number of question/answer spans that voted. */
  trajectoriesUsed: number;
  /** Answer groups, largest share first. */
  groups: AnswerGroup[];
  /** One or two sentences: how many spans, how much agreement, why this method. */
  reasoning: string;
  constitution: ChatConstitutionReport;
  /** Problems that did not stop the answer (an LLM that failed, so the local synthesis was used). */
  notes: string[];
}
