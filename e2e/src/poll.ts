// Every wait in the e2e test goes through here: poll a readiness signal until it holds, or fail saying what was
// awaited and what was last seen. No fixed sleeps: the interval only paces the polling.

export interface PollOptions {
  /** What is awaited, for the failure message ("the ArenaLab status bar item to show the server ready"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Extra context for the failure message (logs, last DOM text), computed only when the wait fails. */
  onTimeout?: () => string | Promise<string>;
}

/** Calls `probe` until it returns a value other than undefined/false, and returns that value. */
export async function pollUntil<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
  const last = lastError instanceof Error ? `\nlast error: ${lastError.message}` : '';
  const extra = options.onTimeout ? `\n${await options.onTimeout()}` : '';
  throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${last}${extra}`);
}
