/** Every slow core call takes one of these; hosts adapt LSP tokens, AbortSignals or SIGINT to it. */
export interface Cancellation {
  readonly isCancelled: boolean;
}

export const neverCancelled: Cancellation = { isCancelled: false };

/** Thrown by slow calls that notice cancellation; callers treat it as an expected outcome. */
export class CancelledError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(token: Cancellation | undefined, what: string): void {
  if (token?.isCancelled) throw new CancelledError(what);
}

/**
 * Lets the host run pending events in the middle of CPU-bound work: a Ctrl-C handler or an LSP `$/cancelRequest`
 * can only flip a Cancellation when the event loop gets a turn, and awaiting a resolved promise does not give it one.
 * Slow loops await this between batches, then check their token.
 */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
