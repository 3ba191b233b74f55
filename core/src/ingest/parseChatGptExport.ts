import { describeValue } from '../spans/describeValue';
import type { FieldProblem } from '../spans/jsonValueProblems';
import type { RecordProblem } from '../spans/recordProblem';
import { chatTime, conversationContentId, givenId, type ChatConversation, type ChatMessage } from './chatConversation';
import { bomLength, looksBinary } from './decodeTextLines';
import type { ParsedChats } from './parseOpenAiChatJsonl';
import { parseJsonLine } from './parseSpansJsonl';

type Json = Record<string, unknown>;
type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

/** Content types that hold conversation text; code, tool output, browsing and reasoning are skipped. */
const TEXT_CONTENT_TYPES = new Set(['text', 'multimodal_text']);
const CONVERSATION_ROLES = new Set(['user', 'assistant']);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail<T>(field: string, message: string): Checked<T> {
  return { ok: false, problem: { field, message } };
}

/** The text of one node's message, or undefined when it is not a visible user/assistant text message. */
function nodeMessage(node: Json): ChatMessage | undefined {
  const message = node.message;
  if (!isRecord(message) || !isRecord(message.author) || !isRecord(message.content)) return undefined;
  const role = message.author.role;
  if (typeof role !== 'string' || !CONVERSATION_ROLES.has(role)) return undefined;
  // Assistant messages addressed to a tool (recipient other than "all") are tool calls, not answers.
  if (typeof message.recipient === 'string' && message.recipient !== 'all') return undefined;
  if (isRecord(message.metadata) && message.metadata.is_visually_hidden_from_conversation === true) return undefined;
  if (!TEXT_CONTENT_TYPES.has(String(message.content.content_type))) return undefined;
  const parts = Array.isArray(message.content.parts) ? message.content.parts : [];
  const text = parts.filter((part): part is string => typeof part === 'string').join('\n');
  if (text.trim() === '') return undefined;
  const when = chatTime(message.create_time);
  return { role, content: text, ...(when ? { when } : {}) };
}

/** The nodes from the root to `current_node`, i.e. the branch the user last saw. */
function activeBranch(mapping: Json, current: string): Checked<Json[]> {
  const branch: Json[] = [];
  const seen = new Set<string>();
  let id: unknown = current;
  while (typeof id === 'string' && Object.prototype.hasOwnProperty.call(mapping, id)) {
    if (seen.has(id)) return fail('mapping', `parent links form a cycle at node ${describeValue(id)}`);
    seen.add(id);
    const node = mapping[id];
    if (!isRecord(node)) return fail(`mapping.${id}`, `must be an object, got ${describeValue(node)}`);
    branch.push(node);
    id = node.parent;
  }
  return { ok: true, value: branch.reverse() };
}

function lastModel(branch: Json[]): string | undefined {
  let model: string | undefined;
  for (const node of branch) {
    const message = node.message;
    if (isRecord(message) && isRecord(message.metadata) && typeof message.metadata.model_slug === 'string') model = message.metadata.model_slug;
  }
  return model;
}

function readConversation(value: unknown, index: number): Checked<ChatConversation> {
  if (!isRecord(value)) return fail('-', `must be a conversation object, got ${describeValue(value)}`);
  const { mapping, current_node: current } = value;
  if (!isRecord(mapping)) return fail('mapping', mapping === undefined ? 'is required' : `must be an object, got ${describeValue(mapping)}`);
  if (typeof current !== 'string' || !Object.prototype.hasOwnProperty.call(mapping, current)) {
    return fail('current_node', `must name a node of mapping, got ${describeValue(current)}`);
  }
  const branch = activeBranch(mapping, current);
  if (!branch.ok) return branch;
  const messages = branch.value.map(nodeMessage).filter((m): m is ChatMessage => m !== undefined);
  if (!messages.some((m) => m.role === 'user')) return fail('mapping', 'has no user message with text on the current branch');
  const conversation: ChatConversation = {
    id: givenId(value.id) ?? givenId(value.conversation_id) ?? conversationContentId(messages),
    messages,
    line: index,
    unit: 'conversation',
  };
  const model = typeof value.default_model_slug === 'string' ? value.default_model_slug : lastModel(branch.value);
  const when = chatTime(value.create_time);
  if (typeof value.title === 'string') conversation.title = value.title;
  if (model !== undefined) conversation.model = model;
  if (when !== undefined) conversation.when = when;
  return { ok: true, value: conversation };
}

function readDocument(bytes: Uint8Array, file: string): { value: unknown } | { problem: RecordProblem } {
  const whole = (message: string) => ({ problem: { file, line: 0, field: '-', message } });
  if (looksBinary(bytes)) return whole('binary file, skipped');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength(bytes)));
  } catch {
    return whole('invalid UTF-8, file skipped');
  }
  const parsed = parseJsonLine(text);
  return parsed.ok ? { value: parsed.value } : whole(parsed.message);
}

/**
 * Reads a ChatGPT `conversations.json` export: an array of conversations whose messages form a
 * tree (`mapping` of nodes with `parent`/`children`). Only the active branch is kept, found by
 * following `parent` links back from `current_node`; edited-away branches are dropped, as are
 * system, tool and hidden messages and non-text parts. A bad conversation is reported with its
 * 1-based position and skipped. Never throws.
 */
export function parseChatGptExport(bytes: Uint8Array, file: string): ParsedChats {
  const document = readDocument(bytes, file);
  if ('problem' in document) return { conversations: [], problems: [document.problem] };
  const list = isRecord(document.value) && 'mapping' in document.value ? [document.value] : document.value;
  if (!Array.isArray(list)) {
    return { conversations: [], problems: [{ file, line: 0, field: '-', message: `must be an array of conversations, got ${describeValue(list)}` }] };
  }
  const result: ParsedChats = { conversations: [], problems: [] };
  list.forEach((item: unknown, i) => {
    const read = readConversation(item, i + 1);
    if (read.ok) result.conversations.push(read.value);
    else result.problems.push({ file, line: i + 1, unit: 'conversation', ...read.problem });
  });
  return result;
}
