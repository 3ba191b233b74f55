import type { Cancellation } from '@arenalab/core';
import type { ChatTurn } from './chatRequest';

/** One past span that shaped an answer. */
export interface ChatProvenance {
  spanId: string;
  /** How similar its context was to the conversation's, 0–1. */
  similarity: number;
  /** The file the span was imported from, when it records one; for a workspace knowledge answer, the quoted file. */
  file?: string;
  /** 1-based line of `file` a workspace knowledge answer quotes. */
  line?: number;
  /** The quoted text of a workspace knowledge answer. */
  snippet?: string;
  /** For `spanId: 'tool'`: the tool that answered, its arguments and whether it worked. */
  tool?: string;
  args?: Record<string, unknown>;
  success?: boolean;
}

/** What a chat creature answered, and how sure it is. */
export interface ChatAnswer {
  text: string;
  /** 0–1, the same scale as completion confidence. */
  confidence: number;
  /** How the text was produced: the ChatEngine's `majority`, `synthesis`, `llm_synthesis`, `uncertain`, `no_match`, or a tool's `tool_synthesis` / `tool_failed`. */
  method: string;
  /** Past trajectories that voted. */
  trajectoriesUsed: number;
  provenance: ChatProvenance[];
  /** The creature that answered, when it is not the one asked (the workspace knowledge creature). */
  creature?: string;
  /** Kinds of secret replaced by `<redacted:KIND>` in the answer (a file a tool read held a key); absent when none. */
  redactedSecrets?: string[];
}

export interface ChatAnswerOptions {
  /** Longest answer wanted, in estimated tokens; the server cuts longer answers, a backend may stop earlier. */
  maxTokens?: number;
  temperature?: number;
}

/** The API server's view of a chat creature: the conversation in, one answer out (EngineChatBackend: core's ChatEngine). */
export interface ChatBackend {
  answer(messages: readonly ChatTurn[], options: ChatAnswerOptions, cancellation: Cancellation): Promise<ChatAnswer>;
}
