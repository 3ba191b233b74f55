import { MAX_CHAT_MESSAGE_CHARS } from '@arenalab/core';
import { ApiError, invalidParam } from './apiError';
import { optionalBoolean, optionalNumber, requiredString, singleChoice, stopSequences, streamIncludeUsage } from './requestFields';

/** One message of a conversation, reduced to its text. */
export interface ChatTurn {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** A validated `/v1/chat/completions` request. */
export interface ChatRequest {
  model: string;
  messages: ChatTurn[];
  /** Longest answer in (estimated) tokens; a longer answer is cut and finishes with `length`. */
  maxTokens?: number;
  /** Accepted for compatibility; trajectory matching is deterministic, so it changes nothing. */
  temperature?: number;
  stop: string[];
  stream: boolean;
  includeUsageInStream: boolean;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

/** Text of a message: a string, or the text parts of a content array (images and audio are refused, not dropped). */
function contentText(content: unknown, param: string): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) throw invalidParam(param, `Invalid type for '${param}': expected a string or an array of content parts.`, 'invalid_type');
  return content
    .map((part, i) => {
      const where = `${param}[${i}]`;
      if (typeof part !== 'object' || part === null) throw invalidParam(where, `Invalid type for '${where}': expected a content part object.`, 'invalid_type');
      const { type, text } = part as { type?: unknown; text?: unknown };
      if (type !== 'text') throw invalidParam(`${where}.type`, `Invalid value for '${where}.type': only 'text' content parts are supported.`, 'unsupported_value');
      if (typeof text !== 'string') throw invalidParam(`${where}.text`, `Invalid type for '${where}.text': expected a string.`, 'invalid_type');
      return text;
    })
    .join('\n');
}

function parseMessages(value: unknown): ChatTurn[] {
  if (value === undefined || value === null) throw invalidParam('messages', "Missing required parameter: 'messages'.", 'missing_required_parameter');
  if (!Array.isArray(value)) throw invalidParam('messages', "Invalid type for 'messages': expected an array of message objects.", 'invalid_type');
  if (value.length === 0) throw invalidParam('messages', "Invalid value for 'messages': the conversation is empty; send at least one user message.", 'empty_array');
  const turns = value.map((message, i): ChatTurn => {
    const where = `messages[${i}]`;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) throw invalidParam(where, `Invalid type for '${where}': expected an object.`, 'invalid_type');
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw invalidParam(`${where}.role`, `Invalid value for '${where}.role': expected one of ${[...ROLES].join(', ')}.`, 'invalid_value');
    }
    const text = contentText(content, `${where}.content`);
    // Longer is a 413 `message_too_long`, before any engine sees it.
    if (text.length > MAX_CHAT_MESSAGE_CHARS) {
      throw new ApiError(413, 'invalid_request_error', `'${where}.content' is ${text.length} characters long; the limit is ${MAX_CHAT_MESSAGE_CHARS}.`, `${where}.content`, 'message_too_long');
    }
    return { role: role as ChatTurn['role'], content: text };
  });
  if (!turns.some((turn) => turn.role === 'user')) throw invalidParam('messages', "Invalid value for 'messages': there is no user message to answer.", 'invalid_value');
  return turns;
}

/** Validates a chat request body; every problem is a 400 naming the field. Unknown fields are ignored, as OpenAI-compatible servers commonly do. */
export function parseChatRequest(body: Record<string, unknown>): ChatRequest {
  const model = requiredString(body, 'model');
  const messages = parseMessages(body.messages);
  const maxTokens = optionalNumber(body, 'max_completion_tokens', 1, 1_000_000, true) ?? optionalNumber(body, 'max_tokens', 1, 1_000_000, true);
  const temperature = optionalNumber(body, 'temperature', 0, 2);
  optionalNumber(body, 'top_p', 0, 1);
  singleChoice(body);
  const stream = optionalBoolean(body, 'stream') ?? false;
  return { model, messages, maxTokens, temperature, stop: stopSequences(body), stream, includeUsageInStream: streamIncludeUsage(body, stream) };
}
