import type { Cancellation } from '@arenalab/core';
import type { ChatTurn } from './chatRequest';

/** One past span that shaped an answer. */
export interface ChatProvenance {
  spanId: string;
  /** How similar its context was to the conversation's, 0–1. */
  similarity: number;
  /** How many content words its question shares with the one asked (Jaccard, 0–1), when the backend measures it. */
  questionOverlap?: number;
}

/** What a chat creature answered, and how sure it is. */
export interface ChatAnswer {
  text: string;
  /** 0–1 (the matcher's 0–100 divided by 100), the same scale as completion confidence. */
  confidence: number;
  /** How the text was produced, e.g. `majority_vote`, `synthesis`, `uncertain`, `fallback`. */
  method: string;
  /** Past trajectories that voted. */
  trajectoriesUsed: number;
  provenance: ChatProvenance[];
}

export interface ChatAnswerOptions {
  /** Longest answer wanted, in estimated tokens; the server cuts longer answers, a backend may stop earlier. */
  maxTokens?: number;
  temperature?: number;
}

/**
 * The API server's view of a chat creature: the conversation in, one answer out. The trajectory matcher implements it
 * today (MatcherChatBackend); core's ChatEngine can replace it behind a small adapter.
 */
export interface ChatBackend {
  answer(messages: readonly ChatTurn[], options: ChatAnswerOptions, cancellation: Cancellation): Promise<ChatAnswer>;
}
