import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type ChatRole = 'user' | 'assistant' | 'system';

export interface ChatRequestMessage {
  role: ChatRole;
  content: string;
}

export interface ChatParams {
  /** The conversation, oldest first; the last `user` message is the question. */
  messages: ChatRequestMessage[];
  /** Groups the answers of one conversation (a client's panel); echoed in the feedback span. */
  conversationId?: string;
}

/** A span (or `tool` for a tool's output) an answer came from. */
export interface ChatAnswerSource {
  /** Span id, or `tool` when the answer is a tool's output. */
  spanId: string;
  /** How close the span's question was to the one asked, 0–1 (1 for a tool). */
  similarity: number;
  /** The start of the span's answer (or the tool's output). */
  snippet: string;
  /** The span's question, when it has one. */
  question?: string;
  /** Workspace-relative file the span came from, `/`-separated, when known. */
  file?: string;
  /** 0-based line in `file`, when known. */
  line?: number;
  /** The span itself as stored (already redacted), so a client can show it without reading the store. */
  span?: unknown;
}

/** One tool the answer used. */
export interface ChatToolCall {
  tool: string;
  args: Record<string, unknown>;
  success: boolean;
  /** The tool's output as text, or its error message. */
  output: string;
  /** Id of the stored tool-use span, when it was stored. */
  spanId?: string;
}

export interface ChatResult {
  text: string;
  /** 0–1. */
  confidence: number;
  /** `majority`, `synthesis`, `llm_synthesis`, `uncertain`, `no_match`, `tool_synthesis` or `tool_failed`. */
  method: string;
  provenance: ChatAnswerSource[];
  toolCalls: ChatToolCall[];
  /** What the constitution said: the principles violated (the text was corrected) and the soft warnings. */
  constitution: { violations: string[]; warnings: string[] };
  /** Names this answer in `arenalab/chatFeedback`. */
  answerId: string;
}

/**
 * `arenalab/chat`, client → server request: answers the last user message from the workspace's question/answer spans
 * (and the latest dataset), or with a tool when the question needs one. Bad params are an InvalidParams error.
 */
export const ChatRequest = new RequestType<ChatParams, ChatResult, void>('arenalab/chat');

export type ChatRating = 'up' | 'down';

export const CHAT_RATINGS: readonly ChatRating[] = ['up', 'down'];

export interface ChatFeedbackParams {
  answerId: string;
  rating: ChatRating;
  /** What was wrong or right, in the user's words (redacted before it is stored). */
  comment?: string;
}

/** `arenalab/chatFeedback`, client → server notification: 👍/👎 on an answer, stored as a `rate_answer` span. */
export const ChatFeedbackNotification = new NotificationType<ChatFeedbackParams>('arenalab/chatFeedback');
