import type { Tool, ToolExecutor } from './tool';
import { ToolError } from './toolErrors';

const TOOL_ID = /^[a-z][a-z0-9_]{0,63}$/;

export interface RegisteredTool {
  tool: Tool;
  executor: ToolExecutor;
}

/** A tool as scripts and external models see it: everything but the functions. */
export interface ToolDescription {
  id: string;
  description: string;
  parameters: Tool['parameters'];
  useCases: readonly string[];
  examples: Tool['examples'];
  /** `then`: the second part of a two-part trigger, matched later on the same line. */
  triggers: { kind: string; pattern: string; then?: string }[];
}

/**
 * The tools a runner may use, in the order the decider prefers them when several match a request. Each definition
 * is paired with its executor once, at registration; ids are unique.
 */
export class ToolRegistry {
  private readonly tools = new Map<string, RegisteredTool>();

  register(tool: Tool, executor: ToolExecutor): this {
    if (!TOOL_ID.test(tool.id)) throw new TypeError(`tool id '${tool.id}' must be lower_snake_case (letters, digits, _), at most 64 characters`);
    if (this.tools.has(tool.id)) throw new TypeError(`tool '${tool.id}' is already registered`);
    if (tool.parameters.type !== 'object') throw new TypeError(`tool '${tool.id}': parameters must be a JSON schema of type object`);
    this.tools.set(tool.id, { tool, executor });
    return this;
  }

  has(id: string): boolean {
    return this.tools.has(id);
  }

  /** The tool and its executor; throws `ToolError('unknown_tool')` naming the known ids. */
  get(id: string): RegisteredTool {
    const entry = this.tools.get(id);
    if (!entry) throw new ToolError('unknown_tool', `unknown tool '${id}' (known: ${this.ids().join(', ') || 'none'})`);
    return entry;
  }

  ids(): string[] {
    return [...this.tools.keys()];
  }

  /** Definitions in preference order. */
  list(): Tool[] {
    return [...this.tools.values()].map((entry) => entry.tool);
  }

  /** Plain-data descriptions (JSON-serialisable) for `--json`, help and external models. */
  describe(): ToolDescription[] {
    return this.list().map((tool) => ({
      id: tool.id,
      description: tool.description,
      parameters: tool.parameters,
      useCases: tool.useCases,
      examples: tool.examples,
      triggers: tool.triggers.map((trigger) => ({ kind: trigger.kind, pattern: trigger.pattern.source, ...(trigger.then ? { then: trigger.then.source } : {}) })),
    }));
  }
}
