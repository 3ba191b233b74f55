import { randomUUID } from 'node:crypto';
import { ASK_QUESTION, ChatEngine } from '@arenalab/core';
import type { Cancellation, ChatMessage, Clock, LlmSynthesizer, Span } from '@arenalab/core';
import type { ChatParams, ChatResult } from '@arenalab/protocol';
import { ToolHost } from '../tools';
import type { HostToolAnswer } from '../tools';
import { ChatAnswerMemory } from './chatAnswerMemory';
import { engineChatResult, toolChatResult } from './chatResult';
import { currentChatStamp, loadChatMemory, sameStamp } from './chatSpanSource';
import type { ChatSourceStamp } from './chatSpanSource';

export interface WorkspaceChatDeps {
  clock: Clock;
  log(line: string): void;
  /** Stores a span the chat produced (a tool use) through the outcome recorder; returns its id. */
  record(draft: Omit<Span, 'id'>): string | undefined;
  /** The external LLM from the current settings, or undefined (everything stays local). */
  llm(): LlmSynthesizer | undefined;
}

interface Memory {
  stamp: ChatSourceStamp;
  engine: ChatEngine;
  spans: Map<string, Span>;
  llm: LlmSynthesizer | undefined;
}

/** Where the chat reads from and which folder its tools work in, as the server's settings say now. */
export interface ChatPlace {
  storeDir: string | undefined;
  workspace: string | undefined;
}

/**
 * The chat of one language server: a ChatEngine over the workspace store's spans (plus the newest dataset), built on
 * the first question and rebuilt whenever the store's log grew, a dataset appeared or the LLM setting changed; a
 * question that needs a tool is answered by the tool (calculator, code, workspace search) instead. Every answer is
 * remembered for its 👍/👎.
 */
export class WorkspaceChat {
  readonly answers = new ChatAnswerMemory();
  private memory: Promise<Memory> | undefined;
  private tools: { workspace: string | undefined; host: Promise<ToolHost> } | undefined;

  constructor(private readonly deps: WorkspaceChatDeps) {}

  async answer(params: ChatParams, place: ChatPlace, token: Cancellation): Promise<ChatResult> {
    const question = lastUserMessage(params.messages);
    const answerId = randomUUID();
    const viaTool = await this.tryTool(question, place.workspace, token);
    let result: ChatResult;
    if (viaTool) {
      result = toolChatResult(viaTool, answerId);
    } else {
      const memory = await this.memoryFor(place.storeDir, token);
      const answer = await memory.engine.answer({ messages: params.messages as ChatMessage[] }, token);
      result = engineChatResult(answer, answerId, (id) => memory.spans.get(id));
    }
    this.answers.remember({
      answerId, question, text: result.text, method: result.method, confidence: result.confidence, conversationId: params.conversationId,
      sourceSpanIds: viaTool ? result.toolCalls.flatMap((c) => (c.spanId ? [c.spanId] : [])) : result.provenance.map((p) => p.spanId),
    });
    return result;
  }

  /** The tool's answer when the question needs a tool (and the tool use stored as a span), else undefined. */
  private async tryTool(question: string, workspace: string | undefined, token: Cancellation): Promise<HostToolAnswer | undefined> {
    const host = await this.toolsFor(workspace);
    const answer = await host.ask(question, { token });
    if (!answer.usedTool) return undefined;
    const spanId = answer.span ? this.deps.record(answer.span) : undefined;
    return { ...answer, ...(spanId !== undefined ? { spanId } : {}) };
  }

  private toolsFor(workspace: string | undefined): Promise<ToolHost> {
    if (this.tools !== undefined && this.tools.workspace === workspace) return this.tools.host;
    const host = ToolHost.open({ workspace, clock: this.deps.clock });
    this.tools = { workspace, host };
    return host;
  }

  /** The engine for the store as it is now: reused while nothing changed, else read and built again (one build at a time). */
  private async memoryFor(storeDir: string | undefined, token: Cancellation): Promise<Memory> {
    const stamp: ChatSourceStamp = storeDir === undefined ? { storeDir: '', logBytes: 0 } : currentChatStamp(storeDir);
    const llm = this.deps.llm();
    const current = await this.memory?.catch(() => undefined);
    if (current && sameStamp(current.stamp, stamp) && current.llm === llm) return current;
    this.memory = this.build(stamp, llm, token);
    return this.memory;
  }

  private async build(stamp: ChatSourceStamp, llm: LlmSynthesizer | undefined, token: Cancellation): Promise<Memory> {
    const spans = stamp.storeDir === '' ? [] : await loadChatMemory(stamp, token);
    const engine = await ChatEngine.create(spans, { clock: this.deps.clock, ...(llm ? { llm } : {}) }, token);
    const questions = spans.filter((s) => s.did === ASK_QUESTION).length;
    this.deps.log(`chat: ${engine.size} answered question(s) of ${questions} from ${stamp.storeDir || '(no store)'}${stamp.dataset ? ` and dataset ${stamp.dataset}` : ''}`);
    return { stamp, engine, llm, spans: new Map(spans.filter((s) => s.did === ASK_QUESTION).map((s) => [s.id, s])) };
  }
}

/** The question: the last user message (validated to exist by the request handler). */
function lastUserMessage(messages: ChatParams['messages']): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return messages[i].content;
  return '';
}
