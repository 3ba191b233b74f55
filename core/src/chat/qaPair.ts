import { ASK_QUESTION } from '../ingest/chatConversationToSpans';
import type { Span } from '../spans/span';

/** A question and its answer read from a span, with the questions that came before it in its conversation. */
export interface QaPair {
  spanId: string;
  question: string;
  answer: string;
  /** Earlier questions of the conversation, oldest first (through `previous_spans`). */
  history: string[];
  domain?: string;
  file?: string;
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The answered questions among `spans`: `ask_question` spans (what `arenalab ingest --format chat` and curated
 * chat datasets hold) that completed with an answer in `if_ok`. Unanswered (failed) turns have nothing to say.
 * History comes from `previous_spans` resolved within the same span set (or by `earlierQuestion`, for spans
 * added after the rest of their conversation), most recent `historyTurns` kept.
 */
export function qaPairsFromSpans(spans: readonly Span[], historyTurns: number, earlierQuestion: (id: string) => string | undefined = () => undefined): QaPair[] {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const pairs: QaPair[] = [];
  for (const span of spans) {
    if (span.did !== ASK_QUESTION || span.status !== 'completed' || !span.if_ok?.trim() || !span.this.trim()) continue;
    const previous = span.context?.previous_spans ?? [];
    const history = previous
      .slice(-historyTurns)
      .map((id) => byId.get(id)?.this ?? earlierQuestion(id))
      .filter((text): text is string => text !== undefined);
    const pair: QaPair = { spanId: span.id, question: span.this, answer: span.if_ok, history };
    const domain = stringOf(span.context?.environment);
    const file = stringOf(span.metadata?.file) ?? stringOf(span.metadata?.source_file);
    if (domain) pair.domain = domain;
    if (file) pair.file = file;
    pairs.push(pair);
  }
  return pairs;
}
