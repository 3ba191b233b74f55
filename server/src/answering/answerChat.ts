import { CancelledError } from '@arenalab/core';
import type { Cancellation, ChatAnswer, ChatEngine, ChatMessage, RedactionConfig, SecretKind, ToolAnswer } from '@arenalab/core';
import { chatAnswerWithoutSecrets, toolAnswerWithoutSecrets } from './answerWithoutSecrets';
import { askKnowledge, storedAnswerIsConfident, type ChatKnowledge, type KnowledgeReply } from './knowledgeReply';

/** What answers a question that needs a tool (the server's `ToolHost`). */
export interface ChatTools {
  ask(request: string, options: { token?: Cancellation }): Promise<ToolAnswer>;
}

/** Where a chat answer may come from, as the host has them now. */
export interface ChatSources {
  /** The tools; absent when the host has none. Opened when a question first needs them. */
  tools?: () => Promise<ChatTools>;
  /** The chat engine over the host's question/answer spans, built or brought up to date when asked. */
  engine: () => Promise<ChatEngine>;
  /**
   * The workspace knowledge creature, asked when the stored spans do not answer confidently; absent (or resolving
   * to undefined) when the host has no workspace. Built when first needed.
   */
  knowledge?: () => Promise<ChatKnowledge | undefined>;
  log(line: string): void;
  /** Told when the tools threw, so the host can open them again for the next question. */
  toolsFailed?(): void;
  redaction?: RedactionConfig;
}

/** The answer, either a tool's or the engine's, with its secrets already redacted. */
export type ChatReply =
  | { via: 'tool'; tool: ToolAnswer; redacted: SecretKind[] }
  | { via: 'engine'; engine: ChatAnswer; redacted: SecretKind[] }
  | { via: 'knowledge'; knowledge: KnowledgeReply; redacted: SecretKind[] };

/** The no_secrets warning a host shows with a reply whose secrets were redacted; undefined when there were none. */
export function redactionWarning(reply: ChatReply): string | undefined {
  if (reply.redacted.length === 0) return undefined;
  const what = reply.via === 'tool' ? 'the tool output' : reply.via === 'knowledge' ? 'the quoted code' : 'the answer';
  return `no_secrets: ${what} held what looks like a secret (${reply.redacted.join(', ')}); it is shown redacted`;
}

async function tryTools(question: string, sources: ChatSources, token: Cancellation): Promise<ToolAnswer | undefined> {
  if (sources.tools === undefined) return undefined;
  try {
    const answer = await (await sources.tools()).ask(question, { token });
    return answer.usedTool ? answer : undefined;
  } catch (error) {
    // Tools are a way to answer, not a precondition: without them the engine still answers from the spans.
    if (error instanceof CancelledError) throw error;
    sources.toolsFailed?.();
    sources.log(`chat: the tools failed, answering from the spans: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * The one way a chat question is answered, for the language server's `arenalab/chat` and `arenalab serve`'s
 * /v1/chat/completions: a question that needs a tool (a calculation, code to run, a file to read, a search) is
 * answered by the tool, anything else by the chat engine; when the engine's stored answers are not confident, or the
 * tool was a workspace search, and the host has a workspace, the workspace knowledge creature answers from the code
 * if it is surer. Every answer body leaves here with its secrets replaced by
 * `<redacted:KIND>` (a read file's content, search hits, a program's output, the tool's arguments, the stored
 * span), so no surface can show one in clear.
 */
export async function answerChat(question: string | undefined, messages: readonly ChatMessage[], sources: ChatSources, token: Cancellation): Promise<ChatReply> {
  const viaTool = question === undefined || question.trim() === '' ? undefined : await tryTools(question, sources, token);
  if (viaTool !== undefined) {
    const { answer, redacted } = toolAnswerWithoutSecrets(viaTool, sources.redaction);
    const fromCode = question !== undefined && searchedTheCode(answer) ? await surerKnowledge(question, messages, answer.confidence / 100, sources, token) : undefined;
    return fromCode ?? { via: 'tool', tool: answer, redacted };
  }
  const engine = await sources.engine();
  const { answer, redacted } = chatAnswerWithoutSecrets(await engine.answer({ messages: [...messages] }, token), sources.redaction);
  if (question === undefined || storedAnswerIsConfident(answer)) return { via: 'engine', engine: answer, redacted };
  // The code answers only when it is surer than the stored spans; "not sure" beats "I don't know" only by confidence.
  return (await surerKnowledge(question, messages, answer.confidence, sources, token)) ?? { via: 'engine', engine: answer, redacted };
}

// A workspace search lists matching lines; the knowledge creature answers the same question with definitions and
// their sources, so the surer of the two is shown.
function searchedTheCode(answer: ToolAnswer): boolean {
  return answer.results.length > 0 && answer.results.every((r) => r.toolId === 'workspace_search' && r.success);
}

/** The knowledge creature's answer when the host has one and it is surer than `than`; else undefined. */
async function surerKnowledge(question: string, messages: readonly ChatMessage[], than: number, sources: ChatSources, token: Cancellation): Promise<ChatReply | undefined> {
  const knowledge = await sources.knowledge?.();
  if (knowledge === undefined) return undefined;
  const fromCode = await askKnowledge(knowledge, question, messages, sources.redaction, token);
  return fromCode.answer.confidence > than ? { via: 'knowledge', knowledge: fromCode.answer, redacted: fromCode.redacted } : undefined;
}
