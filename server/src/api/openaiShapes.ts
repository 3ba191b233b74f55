import { randomBytes } from 'node:crypto';
import type { LedgerKind } from './creature';

/** A token estimate: a quarter of the characters, rounded up. There is no tokenizer behind a creature. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export type FinishReason = 'stop' | 'length';

/**
 * Applies `stop` (cut before the first stop sequence, which is not returned) and `max_tokens` (cut to 4 characters a
 * token, the inverse of the estimate) as OpenAI does, and says why the text ended.
 */
export function limitText(text: string, stop: readonly string[], maxTokens: number | undefined): { text: string; finishReason: FinishReason } {
  let cut = text;
  for (const sequence of stop) {
    const at = cut.indexOf(sequence);
    if (at >= 0) cut = cut.slice(0, at);
  }
  if (maxTokens !== undefined && estimateTokens(cut) > maxTokens) return { text: cut.slice(0, maxTokens * 4), finishReason: 'length' };
  return { text: cut, finishReason: 'stop' };
}

/** `chatcmpl-…` / `cmpl-…` ids as OpenAI shapes them; random, so two answers never share one. */
export function responseId(prefix: 'chatcmpl' | 'cmpl'): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

/** The extra block on every answer: how sure, from how many trajectories, how, and what ledger pins it. */
export interface ArenalabField {
  confidence: number;
  trajectories_used: number;
  method: string;
  ledger_hash: string | null;
  /** What `ledger_hash` is: the dataset's Merkle root or the span store's chain head. */
  ledger_kind: LedgerKind | null;
  provenance: readonly Record<string, unknown>[];
  /** Kinds of secret the answer held, shown as `<redacted:KIND>`; only present when there were some. */
  redacted_secrets?: string[];
  /** The creature that answered when it is not the model asked (the workspace knowledge creature). */
  answered_by?: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function usageOf(prompt: string, completion: string): Usage {
  const promptTokens = estimateTokens(prompt);
  const completionTokens = estimateTokens(completion);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** Common head of every response object and chunk. */
export interface ResponseHead {
  id: string;
  created: number;
  model: string;
}

export function chatCompletionBody(head: ResponseHead, text: string, finishReason: FinishReason, usage: Usage, arenalab: ArenalabField) {
  return {
    ...head,
    object: 'chat.completion' as const,
    choices: [{ index: 0, message: { role: 'assistant' as const, content: text, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage,
    arenalab,
  };
}

export function chatChunk(head: ResponseHead, delta: Record<string, string>, finishReason: FinishReason | null, extra: Record<string, unknown> = {}) {
  return { ...head, object: 'chat.completion.chunk' as const, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra };
}

export function textCompletionBody(head: ResponseHead, text: string, finishReason: FinishReason | null, extra: Record<string, unknown> = {}) {
  return { ...head, object: 'text_completion' as const, choices: [{ index: 0, text, logprobs: null, finish_reason: finishReason }], ...extra };
}

/** Pieces of an answer for streaming: words with the whitespace after them, so joining them gives the text back. */
export function streamPieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}
