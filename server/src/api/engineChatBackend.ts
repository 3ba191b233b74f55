import type { Cancellation, ChatEngine, ChatMessage } from '@arenalab/core';
import { answerChat, type ChatKnowledge, type ChatSources } from '../answering';
import type { ToolHost } from '../tools';
import type { ChatAnswer, ChatBackend, ChatProvenance } from './chatBackend';
import type { ChatTurn } from './chatRequest';

/**
 * The engine's view of an API conversation: `developer` instructions count as `system`, and `tool` messages (results
 * of the caller's own functions) are left out, since the engine answers from its memory, not from them.
 */
export function engineMessages(turns: readonly ChatTurn[]): ChatMessage[] {
  return turns.flatMap((turn): ChatMessage[] => {
    if (turn.role === 'tool') return [];
    return [{ role: turn.role === 'developer' ? 'system' : turn.role, content: turn.content }];
  });
}

function lastQuestion(turns: readonly ChatTurn[]): string | undefined {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].role === 'user' && turns[i].content.trim() !== '') return turns[i].content;
  return undefined;
}

/**
 * A chat creature answered by core's ChatEngine (the same engine as `arenalab chat` and the editor's chat): question/
 * answer spans of a dataset retrieved and voted on, the constitution applied. With a ToolHost, a question that needs
 * a tool (a calculation, running code, searching the served workspace) is answered by the tool instead, with method
 * `tool_synthesis` (or `tool_failed`) and the tool as provenance; the API opens no store for writing, so those tool
 * uses are not stored. With the workspace's knowledge creature, a question the dataset does not answer confidently is
 * answered from the served folder's code when that is surer (method `code_search`, `definition`, …, `not_sure`). All go through the shared chat path, which redacts every secret of the answer (a read file,
 * search hits, a program's output) and says which kinds it redacted.
 */
export class EngineChatBackend implements ChatBackend {
  constructor(
    private readonly engine: ChatEngine,
    private readonly tools?: ToolHost,
    private readonly log: (line: string) => void = () => undefined,
    private readonly knowledge?: ChatKnowledge,
  ) {}

  async answer(turns: readonly ChatTurn[], _options: unknown, cancellation: Cancellation): Promise<ChatAnswer> {
    const tools = this.tools;
    const knowledge = this.knowledge;
    const sources: ChatSources = { engine: async () => this.engine, log: this.log, ...(tools ? { tools: async () => tools } : {}), ...(knowledge ? { knowledge: () => Promise.resolve(knowledge) } : {}) };
    const reply = await answerChat(lastQuestion(turns), engineMessages(turns), sources, cancellation);
    const redacted = reply.redacted.length > 0 ? { redactedSecrets: reply.redacted } : {};
    if (reply.via === 'tool') {
      const viaTool = reply.tool;
      const provenance: ChatProvenance[] = viaTool.results.map((r) => ({ spanId: 'tool', similarity: 1, tool: r.toolId, args: r.args, success: r.success }));
      return { text: viaTool.answer, confidence: viaTool.confidence / 100, method: viaTool.method, trajectoriesUsed: 0, provenance, ...redacted };
    }
    if (reply.via === 'knowledge') {
      const fromCode = reply.knowledge;
      const provenance: ChatProvenance[] = fromCode.provenance.map((p) => ({
        spanId: p.commit !== undefined ? `commit:${p.commit}` : `${p.file ?? ''}:${p.line ?? 0}`, similarity: p.similarity,
        ...(p.file !== undefined ? { file: p.file } : {}), ...(p.line !== undefined ? { line: p.line } : {}), ...(p.snippet !== undefined ? { snippet: p.snippet } : {}),
      }));
      return { text: fromCode.output, confidence: fromCode.confidence, method: fromCode.method, trajectoriesUsed: 0, provenance, creature: fromCode.creature, ...redacted };
    }
    const answer = reply.engine;
    return {
      text: answer.text,
      confidence: answer.confidence,
      method: answer.method,
      trajectoriesUsed: answer.trajectoriesUsed,
      provenance: answer.provenance.map((p) => ({ spanId: p.spanId, similarity: p.similarity, ...(p.file !== undefined ? { file: p.file } : {}) })),
      ...redacted,
    };
  }
}
