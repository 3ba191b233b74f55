/** Why a tool call did not produce a result; `code` is stable for scripts and for the success table. */
export type ToolErrorCode =
  | 'unknown_tool'
  | 'bad_arguments'
  | 'not_configured'
  | 'unavailable'
  | 'timeout'
  | 'memory'
  | 'output'
  | 'process_limit'
  | 'denied'
  | 'failed'
  | 'cancelled'
  /** The host is running as many tool calls as it allows and cannot queue more. */
  | 'busy';

/** A tool refused or failed, with a message a person can act on. */
export class ToolError extends Error {
  constructor(
    readonly code: ToolErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ToolError';
  }
}

/** A provider-backed tool (web search, image generation) without a provider: says plainly how to turn it on. */
export class ToolNotConfiguredError extends ToolError {
  constructor(toolId: string, howToConfigure: string) {
    super('not_configured', `${toolId} is not configured: ${howToConfigure}`);
    this.name = 'ToolNotConfiguredError';
  }
}
