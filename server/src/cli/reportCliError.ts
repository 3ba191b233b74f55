import { CancelledError } from '@arenalab/core';

/**
 * Turns an error that escaped a command into one clear line on stderr and an exit code. Expected failures (typed
 * errors with a `code`, cancellation) print their message only; anything else is a bug and prints its stack.
 */
export function reportCliError(error: unknown): number {
  if (error instanceof CancelledError) {
    process.stderr.write(`arenalab: ${error.message}; everything acknowledged so far is stored\n`);
    return 130;
  }
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    process.stderr.write(`arenalab: ${error.message}\n`);
    return 1;
  }
  const text = error instanceof Error ? error.stack ?? error.message : String(error);
  process.stderr.write(`arenalab: unexpected error (please report it): ${text}\n`);
  return 1;
}
