import type { Cancellation } from '../ports/cancellation';
import { CancelledError, throwIfCancelled } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { Span } from '../spans/span';
import { validateToolArgs } from './jsonSchema';
import { synthesizeToolAnswer } from './synthesizeToolAnswer';
import type { ToolResult } from './tool';
import type { ToolDecider, ToolDecision } from './toolDecider';
import { ToolError } from './toolErrors';
import type { ToolRegistry } from './toolRegistry';
import type { ToolSuccessTable } from './toolSuccessTable';
import { toolUseSpan } from './toolUseSpan';

/** What a request got: an answer built from tool results, or `usedTool: false` (answer it another way). */
export interface ToolAnswer {
  usedTool: boolean;
  /** The text to show; empty when no tool was used. */
  answer: string;
  /** 0..100: `successConfidence` when every tool worked, 0 when one failed, the decision's when none was used. */
  confidence: number;
  method: 'tool_synthesis' | 'tool_failed' | 'no_tool';
  decision?: ToolDecision;
  results: ToolResult[];
  /** The tool-use span to store (through redaction), or undefined when no tool ran. */
  span?: Omit<Span, 'id'>;
}

export interface ToolRunnerConfig {
  /** Confidence of an answer whose tools all worked. @default 70 */
  successConfidence: number;
}

export interface ToolRunnerDeps {
  registry: ToolRegistry;
  decider: ToolDecider;
  table: ToolSuccessTable;
  clock: Clock;
  config?: Partial<ToolRunnerConfig>;
}

export interface RunOptions {
  token?: Cancellation;
  /** Ids of the spans that led to this request (conversation history). */
  previousSpans?: readonly string[];
}

/**
 * Decide → extract → validate → execute → synthesise → span. Tool failures never throw: they become failed results
 * with a clear message, an honest answer and a failed span (learned from like any other). Only cancellation throws.
 */
export class ToolRunner {
  private readonly config: ToolRunnerConfig;

  constructor(private readonly deps: ToolRunnerDeps) {
    this.config = { successConfidence: 70, ...deps.config };
  }

  /** Learns from stored spans at startup: the success table and the decider's past trajectories. */
  learnFromHistory(spans: Iterable<Span>): void {
    for (const span of spans) {
      this.deps.table.learn(span);
      this.deps.decider.learn(span);
    }
  }

  /**
   * Hands a stored tool-use span (with its id) to the decider as a past trajectory. The success table already counted
   * it when the answer was made.
   */
  remember(span: Span): void {
    this.deps.decider.learn(span);
  }

  /** Which tool a free-text request would use, without running it (a host that may not run tools says so). */
  decide(request: string, token?: Cancellation): Promise<ToolDecision> {
    return this.deps.decider.decide(request, token);
  }

  /** Answers a free-text request with a tool when one fits. */
  async ask(request: string, options: RunOptions = {}): Promise<ToolAnswer> {
    throwIfCancelled(options.token, 'tool use');
    const decision = await this.deps.decider.decide(request, options.token);
    if (decision.toolId === undefined || decision.args === undefined) {
      return { usedTool: false, answer: '', confidence: Math.round(decision.confidence * 100), method: 'no_tool', decision, results: [] };
    }
    return this.finish(request, decision.kind, decision, [await this.execute(decision.toolId, decision.args, options.token)], options);
  }

  /** Runs one tool with explicit arguments (CLI `tool run`, a chat client's function call). */
  async run(toolId: string, args: unknown, options: RunOptions & { request?: string } = {}): Promise<ToolAnswer> {
    throwIfCancelled(options.token, 'tool use');
    const result = await this.execute(toolId, args, options.token);
    const request = options.request ?? `${toolId} ${JSON.stringify(args)}`;
    return this.finish(request, 'direct', undefined, [result], options);
  }

  /** Validates and executes; every failure becomes a result with a message. */
  async execute(toolId: string, rawArgs: unknown, token?: Cancellation): Promise<ToolResult> {
    const args = (typeof rawArgs === 'object' && rawArgs !== null && !Array.isArray(rawArgs) ? rawArgs : {}) as Record<string, unknown>;
    if (!this.deps.registry.has(toolId)) return failed(toolId, args, new ToolError('unknown_tool', `unknown tool '${toolId}' (known: ${this.deps.registry.ids().join(', ')})`));
    const { tool, executor } = this.deps.registry.get(toolId);
    const checked = validateToolArgs(rawArgs, tool.parameters);
    if (!checked.ok) {
      const problems = checked.problems.map((p) => `${p.path} ${p.message}`).join('; ');
      return failed(toolId, args, new ToolError('bad_arguments', `bad arguments for ${toolId}: ${problems}`));
    }
    try {
      const output = await executor.execute(checked.args, token);
      return { toolId, args: checked.args, success: true, output };
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      return failed(toolId, checked.args, error);
    }
  }

  private finish(request: string, kind: string, decision: ToolDecision | undefined, results: ToolResult[], options: RunOptions): ToolAnswer {
    const rows = results.map((result) => this.deps.table.row(kind, result.toolId));
    const answer = synthesizeToolAnswer(results, decision, rows);
    const span = toolUseSpan({ request, kind, decision, results, answer, whenMs: this.deps.clock.now(), previousSpans: options.previousSpans });
    // Learn at once; the host learns the same span again from the store on the next start.
    for (const result of results) {
      if (result.errorCode !== 'not_configured') this.deps.table.record(kind, result.toolId, result.success);
    }
    const ok = results.every((result) => result.success);
    return { usedTool: true, answer, confidence: ok ? this.config.successConfidence : 0, method: ok ? 'tool_synthesis' : 'tool_failed', decision, results, span };
  }
}

function failed(toolId: string, args: Record<string, unknown>, error: unknown): ToolResult {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ToolError ? error.code : 'failed';
  return { toolId, args, success: false, error: message, errorCode: code };
}
