import type { Cancellation, CompletionEngine, CompletionRequest, CompletionResult } from '@arenalab/core';

/**
 * The one call the CLI's showcase makes for a suggestion: the engine's interruptible search, as the language
 * server's completion path runs it. Kept alone so moving to a shared completion service is a one-line change.
 */
export function suggestNextLine(engine: CompletionEngine, request: CompletionRequest, token: Cancellation): Promise<CompletionResult> {
  return engine.completeInterruptibly(request, { token });
}
