import {
  createDefaultToolRegistry, redactSpanSecrets, systemClock, ToolDecider, ToolRunner, ToolSuccessTable, validateSpan,
  type Cancellation, type Clock, type Embedder, type ImageGenerationProvider, type Span, type ToolAnswer, type ToolExecutor, type WebSearchProvider,
} from '@arenalab/core';
import type { SpanStore } from '../store';
import { sandboxCodeExecutor } from './codeExecutor';
import { CodeSandbox } from './codeSandbox';
import type { SandboxConcurrency } from './runGate';
import { readWorkspaceFileExecutor } from './readWorkspaceFile';
import type { SandboxLimits } from './sandboxLimits';
import { searchWorkspaceExecutor } from './searchWorkspace';
import { resolveWorkspaceToolConfig, type WorkspaceToolConfig } from './workspacePaths';

export interface ToolHostOptions {
  /** Workspace root for read_file and workspace_search; without it those tools refuse. */
  workspace?: string;
  workspaceConfig?: Partial<Omit<WorkspaceToolConfig, 'root'>>;
  /** Where tool-use spans go (and are learned from at start); without it nothing is stored. */
  store?: SpanStore;
  clock?: Clock;
  embedder?: Embedder;
  sandboxLimits?: Partial<SandboxLimits>;
  /** Programs the sandbox runs at once and queues (one sandbox per host, so this bounds the host's sandbox memory). */
  sandboxConcurrency?: Partial<SandboxConcurrency>;
  /** Replaces the sandboxed code executor (tests, hosts without Linux namespaces). */
  codeExecutor?: ToolExecutor;
  webSearch?: WebSearchProvider;
  imageGeneration?: ImageGenerationProvider;
}

/** An answer plus what happened to its span. */
export interface HostToolAnswer extends ToolAnswer {
  /** Id of the stored tool-use span; undefined when no tool ran or there is no store. */
  spanId?: string;
  /** Why the span was not stored, when it was not. */
  storeProblem?: string;
}

/**
 * The tools wired for a Node host: the sandboxed code executor, read-file and search over the workspace, the optional
 * providers, and a runner that learned from the store's past tool uses. Every tool use is stored as a span (redacted
 * first, then validated) and remembered by the decider.
 */
export class ToolHost {
  private constructor(
    readonly runner: ToolRunner,
    readonly table: ToolSuccessTable,
    readonly toolIds: readonly string[],
    private readonly store: SpanStore | undefined,
  ) {}

  static async open(options: ToolHostOptions = {}): Promise<ToolHost> {
    const workspace = options.workspace ? resolveWorkspaceToolConfig(options.workspace, options.workspaceConfig) : undefined;
    const registry = createDefaultToolRegistry({
      codeExecutor: options.codeExecutor ?? sandboxCodeExecutor(options.sandboxLimits, () => CodeSandbox.create(options.sandboxLimits, options.sandboxConcurrency)),
      readFile: workspace && readWorkspaceFileExecutor(workspace),
      workspaceSearch: workspace && searchWorkspaceExecutor(workspace),
      webSearch: options.webSearch,
      imageGeneration: options.imageGeneration,
    });
    const table = new ToolSuccessTable();
    const decider = new ToolDecider(registry, table, options.embedder);
    const runner = new ToolRunner({ registry, decider, table, clock: options.clock ?? systemClock });
    if (options.store) {
      const history: Span[] = [];
      for await (const span of options.store.spans()) if (span.did === 'use_tool') history.push(span);
      runner.learnFromHistory(history);
    }
    return new ToolHost(runner, table, registry.ids(), options.store);
  }

  /** The tool a request would use, or undefined; nothing runs. */
  async toolFor(request: string, token?: Cancellation): Promise<string | undefined> {
    const decision = await this.runner.decide(request, token);
    return decision.args === undefined ? undefined : decision.toolId;
  }

  async ask(request: string, options: { token?: Cancellation; previousSpans?: readonly string[] } = {}): Promise<HostToolAnswer> {
    return this.keep(await this.runner.ask(request, options));
  }

  async run(toolId: string, args: unknown, options: { token?: Cancellation; request?: string } = {}): Promise<HostToolAnswer> {
    return this.keep(await this.runner.run(toolId, args, options));
  }

  private async keep(answer: ToolAnswer): Promise<HostToolAnswer> {
    if (!answer.span || !this.store) return answer;
    // Redact first: the id derives from the content, and the stored content is the redacted one.
    const { span: redacted } = redactSpanSecrets(answer.span as Span);
    const checked = validateSpan(redacted);
    if (!checked.ok) return { ...answer, storeProblem: checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
    await this.store.append([checked.span]);
    this.runner.remember(checked.span);
    return { ...answer, spanId: checked.span.id };
  }
}
