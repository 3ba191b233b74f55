import { detectDomain, GENERAL_DOMAIN } from '../spans/detectDomain';
import { SPAN_SCHEMA_VERSION, type Span, type SpanContext, type SpanMetadata, type SpanSource, type SpanStatus } from '../spans/span';
import { DERIVED_ID_HEX_DIGITS } from '../spans/spanContentHash';
import { canonicalJson, sha256Hex } from '../util';
import type { ChatConversation, ChatMessage } from './chatConversation';

export interface ChatSpanOptions {
  /** Source recorded on every span. @default 'chat_import' */
  source?: SpanSource;
  /** ISO-8601 time used when neither the message nor the conversation has one (e.g. the file's mtime). */
  defaultWhen: string;
  /** Who asked. @default 'user' */
  who?: string;
}

/** The action every chat turn records. */
export const ASK_QUESTION = 'ask_question';
/** Outcome text of a question the conversation never answered. */
export const UNANSWERED = 'no assistant answer in the conversation';

interface Turn {
  question: ChatMessage;
  answers: ChatMessage[];
}

/** Groups messages into turns: each user message opens one, the assistant messages after it answer it. */
function turnsOf(messages: readonly ChatMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'user') turns.push({ question: message, answers: [] });
    else if (message.role === 'assistant' && turns.length > 0) turns[turns.length - 1].answers.push(message);
  }
  return turns;
}

/** Id of the span of turn `turn` (1-based) of a conversation: the same file always yields the same ids. */
export function chatTurnSpanId(conversationId: string, turn: number): string {
  return 'sp_' + sha256Hex(canonicalJson(['chat_turn', conversationId, turn])).slice(0, DERIVED_ID_HEX_DIGITS);
}

/**
 * The turn's domain: that of its question, except that a follow-up naming no domain of its own
 * ("does cloning fix it?" detects as `general`) keeps the domain of the turn before it.
 */
function domainOf(question: string, earlier: readonly Span[]): string {
  const own = detectDomain(question);
  const previous = earlier.length > 0 ? earlier[earlier.length - 1].context?.environment : undefined;
  return own === GENERAL_DOMAIN && previous !== undefined ? previous : own;
}

function contextFor(question: string, earlier: readonly Span[]): SpanContext {
  const context: SpanContext = { environment: domainOf(question, earlier) };
  if (earlier.length > 0) {
    context.previous_spans = earlier.map((span) => span.id);
    context.previous_actions = earlier.map((span) => span.did);
    context.previous_outcomes = earlier.map((span) => span.status);
  }
  return context;
}

function metadataFor(conv: ChatConversation, turn: number): SpanMetadata {
  const metadata: SpanMetadata = { conversation_id: conv.id, turn };
  if (conv.title !== undefined) metadata.title = conv.title;
  if (conv.model !== undefined) metadata.model = conv.model;
  return metadata;
}

/**
 * One span per user turn: `did` is `ask_question`, `this` the
 * question, `if_ok` the assistant's answers to it joined by a blank line. A question with no answer
 * — including the last one of a conversation that was cut off — is `failed` with
 * `if_not` = {@link UNANSWERED}, following the seed (status is `completed` only if a response
 * exists); a chat log is a finished record, so nothing is left `pending`. `environment` is the
 * detected domain of the question (see domainOf). `previous_spans`,
 * `previous_actions` and `previous_outcomes` list the earlier turns oldest first.
 */
export function chatConversationToSpans(conv: ChatConversation, options: ChatSpanOptions): Span[] {
  const spans: Span[] = [];
  turnsOf(conv.messages).forEach(({ question, answers }, index) => {
    const turn = index + 1;
    const answered = answers.length > 0;
    const status: SpanStatus = answered ? 'completed' : 'failed';
    const span: Span = {
      schema_version: SPAN_SCHEMA_VERSION,
      id: chatTurnSpanId(conv.id, turn),
      source: options.source ?? 'chat_import',
      who: options.who ?? 'user',
      did: ASK_QUESTION,
      this: question.content,
      when: question.when ?? conv.when ?? options.defaultWhen,
      status,
      context: contextFor(question.content, spans),
      metadata: metadataFor(conv, turn),
    };
    if (answered) span.if_ok = answers.map((answer) => answer.content).join('\n\n');
    else span.if_not = UNANSWERED;
    spans.push(span);
  });
  return spans;
}
