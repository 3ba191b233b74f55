import { describeValue } from '../spans/describeValue';
import type { FieldProblem } from '../spans/jsonValueProblems';
import type { RecordProblem } from '../spans/recordProblem';
import { chatTime, conversationContentId, givenId, type ChatConversation, type ChatMessage } from './chatConversation';
import { decodeTextLines } from './decodeTextLines';
import { parseJsonLine } from './parseSpansJsonl';

export interface ParsedChats {
  conversations: ChatConversation[];
  problems: RecordProblem[];
}

/** Part types whose `text` is conversation text; images, audio and files are skipped. */
const TEXT_PART_TYPES = new Set(['text', 'input_text', 'output_text']);

type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentText(content: unknown, field: string): Checked<string> {
  if (typeof content === 'string') return { ok: true, value: content };
  // Assistant messages that only call tools carry `content: null`.
  if (content === null || content === undefined) return { ok: true, value: '' };
  if (!Array.isArray(content)) {
    return { ok: false, problem: { field, message: `must be a string or an array of text parts, got ${describeValue(content)}` } };
  }
  const texts = content
    .filter((part): part is Record<string, unknown> => isRecord(part) && TEXT_PART_TYPES.has(String(part.type)))
    .map((part) => part.text)
    .filter((text): text is string => typeof text === 'string');
  return { ok: true, value: texts.join('\n') };
}

function readMessage(value: unknown, index: number): Checked<ChatMessage | undefined> {
  const field = `messages.${index}`;
  if (!isRecord(value)) return { ok: false, problem: { field, message: `must be an object with role and content, got ${describeValue(value)}` } };
  if (typeof value.role !== 'string' || value.role === '') {
    return { ok: false, problem: { field: `${field}.role`, message: `must be a non-empty string, got ${describeValue(value.role)}` } };
  }
  const text = contentText(value.content, `${field}.content`);
  if (!text.ok) return text;
  if (text.value.trim() === '') return { ok: true, value: undefined };
  const when = chatTime(value.timestamp ?? value.created ?? value.create_time);
  return { ok: true, value: { role: value.role.toLowerCase(), content: text.value, ...(when ? { when } : {}) } };
}

function readConversation(value: unknown, line: number): Checked<ChatConversation> {
  if (!isRecord(value)) return { ok: false, problem: { field: '-', message: `must be a JSON object, got ${describeValue(value)}` } };
  if (!Array.isArray(value.messages)) {
    const message = value.messages === undefined ? 'is required' : `must be an array of messages, got ${describeValue(value.messages)}`;
    return { ok: false, problem: { field: 'messages', message } };
  }
  const messages: ChatMessage[] = [];
  for (let i = 0; i < value.messages.length; i++) {
    const read = readMessage(value.messages[i], i);
    if (!read.ok) return read;
    if (read.value) messages.push(read.value);
  }
  if (!messages.some((m) => m.role === 'user')) return { ok: false, problem: { field: 'messages', message: 'has no user message with text' } };
  const when = chatTime(value.created ?? value.timestamp ?? value.create_time);
  const conversation: ChatConversation = { id: givenId(value.id) ?? conversationContentId(messages), messages, line, unit: 'line' };
  if (typeof value.title === 'string') conversation.title = value.title;
  if (typeof value.model === 'string') conversation.model = value.model;
  if (when) conversation.when = when;
  return { ok: true, value: conversation };
}

/**
 * Reads OpenAI-style chat JSONL: one conversation per line, `{"messages":[{"role","content"}…]}`
 * with optional `id`, `title`, `model` and `created`/`timestamp` (Unix seconds or ISO). Content is
 * a string or an array of `{type:"text",text}` parts (non-text parts are skipped). A line that is
 * not such a record is reported with its line number and skipped. Never throws.
 */
export function parseOpenAiChatJsonl(bytes: Uint8Array, file: string): ParsedChats {
  const decoded = decodeTextLines(bytes, file);
  const result: ParsedChats = { conversations: [], problems: decoded.problems };
  for (const { line, text } of decoded.lines) {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      result.problems.push({ file, line, field: '-', message: parsed.message });
      continue;
    }
    const read = readConversation(parsed.value, line);
    if (read.ok) result.conversations.push(read.value);
    else result.problems.push({ file, line, ...read.problem });
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
