import type { Cancellation } from '../ports/cancellation';
import type { JsonSchema } from './jsonSchema';

/** A worked example of a tool, shown in help and to external models. */
export interface ToolExample {
  /** The request as a person would type it. */
  request: string;
  args: Record<string, unknown>;
  /** What the tool answers (shortened). */
  expectedOutput: string;
}

/**
 * A named regular expression that says a request wants a tool; its name is the "kind" of request it matched. With
 * `then`, the request must match `pattern` and, later on the same line, `then` (see `matchesTrigger`). Patterns must
 * run in time linear in their input: no quantified part that can match the same text as the part next to it (`\s+ \s*`,
 * `[\w.-]*[\w-]+`), and no `a.*b` (use `then`). They only see the request's first `MAX_ROUTED_CHARS` characters.
 */
export interface ToolTrigger {
  kind: string;
  pattern: RegExp;
  then?: RegExp;
}

/**
 * A tool's definition: what it is for, its JSON-schema parameters, when to use it (triggers) and how to get its
 * arguments out of a request. The executor is separate (a port), so the same definition runs in any host.
 */
export interface Tool {
  /** Stable id: `calculator`, `code_executor`, … */
  id: string;
  description: string;
  /** Always `type: 'object'`, with one property per parameter. */
  parameters: JsonSchema;
  useCases: readonly string[];
  examples: readonly ToolExample[];
  triggers: readonly ToolTrigger[];
  /**
   * The tool's arguments from a free-text request, or undefined when the request does not contain them (then the
   * tool is not used, and the answer says what is missing). Patterns look only at `routedText(request)`.
   */
  extractArgs(request: string): Record<string, unknown> | undefined;
}

/** What an executor returns: the text for the answer and structured data for scripts. */
export interface ToolOutput {
  /** One or a few lines a person reads ("132678", the program's stdout, a list of matches). */
  text: string;
  data?: unknown;
  /** Files, URLs or spans the result came from. */
  sources?: readonly string[];
}

/** Runs one tool with validated arguments. Throws a `ToolError` (or any error) when the tool fails. */
export interface ToolExecutor {
  execute(args: Record<string, unknown>, token?: Cancellation): Promise<ToolOutput>;
}

/** The outcome of one tool call, successful or not; never thrown. */
export interface ToolResult {
  toolId: string;
  args: Record<string, unknown>;
  success: boolean;
  output?: ToolOutput;
  /** Clear message when the tool failed or refused. */
  error?: string;
  /** Error code (`not_configured`, `timeout`, `bad_arguments`, …) for scripts. */
  errorCode?: string;
}
