import { randomUUID } from 'node:crypto';
import { ASK_QUESTION, CancelledError, ChatEngine, neverCancelled, throwIfCancelled } from '@arenalab/core';
import type { Cancellation, ChatMessage, Clock, ConstitutionalReviewer, LlmSynthesizer, Span, WorkspaceKnowledgeCreature } from '@arenalab/core';
import type { ChatParams, ChatResult } from '@arenalab/protocol';
import { answerChat, redactionWarning, type ChatKnowledge } from '../../answering';
import { openWorkspaceKnowledge } from '../../creatures';
import { ToolHost } from '../../tools';
import { ChatAnswerMemory } from './chatAnswerMemory';
import { engineChatResult, knowledgeChatResult, toolChatResult } from './chatResult';
import { currentChatStamp, loadChatMemory, onlyGrew, readStoreSpans, sameStamp } from './chatSpanSource';
import type { ChatSourceStamp } from './chatSpanSource';

export interface WorkspaceChatDeps {
  clock: Clock;
  log(line: string): void;
  /** Stores a span the chat produced (a tool use) through the outcome recorder; returns its id. */
  record(draft: Omit<Span, 'id'>): string | undefined;
  /** The external LLM from the current settings, or undefined (everything stays local). */
  llm(): LlmSynthesizer | undefined;
  /** The constitution with the store's remembered violations (shared with the completion path). */
  reviewer(): Promise<ConstitutionalReviewer>;
}

interface Memory {
  stamp: ChatSourceStamp;
  engine: ChatEngine;
  /** The question/answer spans by id, for the sources of an answer. */
  spans: Map<string, Span>;
  llm: LlmSynthesizer | undefined;
  reviewer: ConstitutionalReviewer;
  /** Records of the store read so far; spans appended later are read from here on. */
  storeCount: number;
}

/** Where the chat reads from and which folder its tools work in, as the server's settings say now. */
export interface ChatPlace {
  storeDir: string | undefined;
  workspace: string | undefined;
  /** False in an untrusted workspace: a question that needs a tool (code run, file read, search) is refused. */
  toolsAllowed: boolean;
}

/** The answer to a question that needs a tool the untrusted workspace may not use. */
function toolRefused(toolId: string, answerId: string): ChatResult {
  return {
    text: `This needs the ${toolId} tool, and tools are off because this workspace is not trusted (Restricted Mode): ArenaLab runs no code and reads no files for the chat here. Trust the workspace to use them.`,
    confidence: 0, method: 'tool_refused', provenance: [], toolCalls: [], constitution: { violations: [], warnings: [] }, answerId,
  };
}

/**
 * The chat of one language server: a ChatEngine over the workspace store's spans (plus the newest dataset), built on
 * the first question and kept up to date with the store (see memoryFor); a question that needs a tool is answered by
 * the tool (calculator, code, workspace search) instead, through the shared chat path that redacts every secret of
 * the answer. Every answer is remembered for its 👍/👎.
 */
export class WorkspaceChat {
  readonly answers = new ChatAnswerMemory();
  private memory: Promise<Memory> | undefined;
  private tools: { workspace: string | undefined; host: Promise<ToolHost> } | undefined;
  private knowledge: { workspace: string; creature: Promise<WorkspaceKnowledgeCreature> } | undefined;

  constructor(private readonly deps: WorkspaceChatDeps) {}

  async answer(params: ChatParams, place: ChatPlace, token: Cancellation): Promise<ChatResult> {
    const question = lastUserMessage(params.messages);
    const answerId = randomUUID();
    const refusedTool = place.toolsAllowed ? undefined : await this.refusedTool(question, place.workspace, token);
    if (refusedTool !== undefined) return toolRefused(refusedTool, answerId);
    let memory: Memory | undefined;
    const reply = await answerChat(question, params.messages as ChatMessage[], {
      tools: () => this.toolsFor(place.workspace),
      toolsFailed: () => (this.tools = undefined),
      engine: async () => (memory = await this.memoryFor(place.storeDir, token)).engine,
      // Reading the folder (and running git) for chat is a file read like the tools'; Restricted Mode has none.
      knowledge: () => (place.toolsAllowed ? this.knowledgeFor(place.workspace) : Promise.resolve(undefined)),
      log: (line) => this.deps.log(line),
    }, token);
    let result: ChatResult;
    if (reply.via === 'tool') {
      // The recorder redacts again before storing; the span here is already the redacted one.
      const spanId = reply.tool.span ? this.deps.record(reply.tool.span) : undefined;
      result = toolChatResult({ ...reply.tool, ...(spanId !== undefined ? { spanId } : {}) }, answerId, redactionWarning(reply));
    } else if (reply.via === 'knowledge') {
      result = knowledgeChatResult(reply.knowledge, answerId, redactionWarning(reply));
    } else {
      result = engineChatResult(reply.engine, answerId, (id) => memory?.spans.get(id), redactionWarning(reply));
    }
    this.answers.remember({
      answerId, question, text: result.text, method: result.method, confidence: result.confidence, conversationId: params.conversationId,
      // A workspace knowledge answer's sources are lines of files, not spans: its rating links no span.
      sourceSpanIds: reply.via === 'tool' ? result.toolCalls.flatMap((c) => (c.spanId ? [c.spanId] : [])) : reply.via === 'knowledge' ? [] : result.provenance.map((p) => p.spanId),
    });
    return result;
  }

  /** The tool an untrusted workspace's question would need, decided without running anything. */
  private async refusedTool(question: string, workspace: string | undefined, token: Cancellation): Promise<string | undefined> {
    try {
      return await (await this.toolsFor(workspace)).toolFor(question, token);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      return undefined;
    }
  }

  /**
   * The workspace knowledge creature of the chat's folder, built on the first question the stored spans do not answer
   * and kept for the folder (not rebuilt as files change); undefined without a folder or when it cannot be read.
   */
  private async knowledgeFor(workspace: string | undefined): Promise<ChatKnowledge | undefined> {
    if (workspace === undefined) return undefined;
    if (this.knowledge?.workspace !== workspace) {
      const creature = openWorkspaceKnowledge(workspace, { clock: this.deps.clock, log: (line) => this.deps.log(line) }, neverCancelled);
      this.knowledge = { workspace, creature };
      creature.then((c) => this.deps.log(`chat: workspace knowledge of ${workspace}: ${c.description}`), () => undefined);
    }
    try {
      return { creature: await this.knowledge.creature, reviewer: await this.deps.reviewer() };
    } catch (error) {
      this.deps.log(`chat: the workspace knowledge of ${workspace} cannot be read: ${(error as Error).message}`);
      this.knowledge = undefined;
      return undefined;
    }
  }

  private toolsFor(workspace: string | undefined): Promise<ToolHost> {
    if (this.tools !== undefined && this.tools.workspace === workspace) return this.tools.host;
    const host = ToolHost.open({ workspace, clock: this.deps.clock });
    this.tools = { workspace, host };
    return host;
  }

  /**
   * The engine for the store as it is now: reused while nothing changed; when spans were only appended (new chat
   * turns, but also this chat's own ratings and tool uses) the new question/answer spans are added to it; anything
   * else (another store, a new dataset, another LLM or constitution) builds it again. One build or addition at a time; it is not
   * cancelled with the request that started it, since the next request needs it too.
   */
  private async memoryFor(storeDir: string | undefined, token: Cancellation): Promise<Memory> {
    const stamp: ChatSourceStamp = storeDir === undefined ? { storeDir: '', logBytes: 0 } : currentChatStamp(storeDir);
    const llm = this.deps.llm();
    const reviewer = await this.deps.reviewer();
    const current = await this.memory?.catch(() => undefined);
    const same = current !== undefined && current.llm === llm && current.reviewer === reviewer;
    if (same && sameStamp(current.stamp, stamp)) return current;
    this.memory = same && onlyGrew(current.stamp, stamp) ? this.grow(current, stamp) : this.build(stamp, llm, reviewer);
    const memory = await this.memory;
    throwIfCancelled(token, 'chat');
    return memory;
  }

  private async build(stamp: ChatSourceStamp, llm: LlmSynthesizer | undefined, reviewer: ConstitutionalReviewer): Promise<Memory> {
    const { spans, count } = stamp.storeDir === '' ? { spans: [], count: 0 } : await loadChatMemory(stamp, neverCancelled);
    const engine = await ChatEngine.create(spans, { clock: this.deps.clock, reviewer, ...(llm ? { llm } : {}) }, neverCancelled);
    const questions = spans.filter((s) => s.did === ASK_QUESTION);
    this.deps.log(`chat: ${engine.size} answered question(s) of ${questions.length} from ${stamp.storeDir || '(no store)'}${stamp.dataset ? ` and dataset ${stamp.dataset}` : ''}`);
    return { stamp, engine, llm, reviewer, storeCount: count, spans: new Map(questions.map((s) => [s.id, s])) };
  }

  private async grow(memory: Memory, stamp: ChatSourceStamp): Promise<Memory> {
    const { spans, count } = await readStoreSpans(stamp.storeDir, memory.storeCount, neverCancelled);
    const questions = spans.filter((s) => s.did === ASK_QUESTION);
    if (questions.length > 0) {
      const added = await memory.engine.add(questions, neverCancelled);
      for (const span of questions) memory.spans.set(span.id, span);
      this.deps.log(`chat: ${added} new answered question(s) from the store`);
    }
    return { ...memory, stamp, storeCount: count };
  }
}

/** The question: the last user message (validated to exist by the request handler). */
function lastUserMessage(messages: ChatParams['messages']): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return messages[i].content;
  return '';
}
