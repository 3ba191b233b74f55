import { canonicalJson, sha256Hex } from '../util';

/** One message of a chat, already reduced to its text. */
export interface ChatMessage {
  /** `user`, `assistant`, `system`, `tool`, … as the source wrote it (lowercased). */
  role: string;
  content: string;
  /** ISO-8601 time of the message when the source records one. */
  when?: string;
}

/** A conversation read from a chat log, whatever its file format. */
export interface ChatConversation {
  /** The source's id, or `h` + a hash of the messages when it has none (so re-imports agree). */
  id: string;
  title?: string;
  model?: string;
  /** ISO-8601 start time of the conversation when known. */
  when?: string;
  messages: ChatMessage[];
  /** Where it was read: the 1-based line (JSONL) or position in the export array (`unit: 'conversation'`). */
  line: number;
  unit: 'line' | 'conversation';
}

/** Unix times above this are taken as milliseconds rather than seconds (year 2286 in seconds). */
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * A chat timestamp as ISO-8601 UTC: numbers are Unix seconds (or milliseconds when huge), strings
 * must already be dates `Date.parse` understands. Anything else is `undefined`, and the importer
 * then falls back to the conversation's time or the caller's default.
 */
export function chatTime(value: unknown): string | undefined {
  let millis: number;
  if (typeof value === 'number') millis = value > MILLISECONDS_THRESHOLD ? value : value * 1000;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) millis = Date.parse(value);
  else return undefined;
  if (!Number.isFinite(millis) || Math.abs(millis) > 8.64e15) return undefined;
  return new Date(millis).toISOString();
}

/** A stable id for a conversation that has none: `h` + 16 hex of the hash of its messages. */
export function conversationContentId(messages: readonly ChatMessage[]): string {
  return 'h' + sha256Hex(canonicalJson(messages.map((m) => [m.role, m.content]))).slice(0, 16);
}

/** A conversation id as given by a source (string or number), or undefined when it gives none usable. */
export function givenId(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
