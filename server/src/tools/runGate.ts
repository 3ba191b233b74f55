import { CancelledError, type Cancellation } from '@arenalab/core';

/** How many sandboxed programs run at once, and how many may wait for a turn. */
export interface SandboxConcurrency {
  /** Programs running at the same time. @default 2 */
  maxConcurrentRuns: number;
  /** Runs waiting for a turn; one more is refused as busy. @default 8 */
  maxQueuedRuns: number;
}

export const DEFAULT_SANDBOX_CONCURRENCY: Readonly<SandboxConcurrency> = Object.freeze({ maxConcurrentRuns: 2, maxQueuedRuns: 8 });

/** Every running slot is taken and the queue is full: the run is refused, not started. */
export class SandboxBusyError extends Error {
  readonly code = 'SANDBOX_BUSY' as const;
}

/** A concurrency setting out of bounds. */
export class SandboxConcurrencyError extends Error {
  readonly code = 'BAD_SANDBOX_CONCURRENCY' as const;
}

export function resolveSandboxConcurrency(partial: Partial<SandboxConcurrency> = {}): SandboxConcurrency {
  const concurrency = { ...DEFAULT_SANDBOX_CONCURRENCY, ...partial };
  if (!Number.isSafeInteger(concurrency.maxConcurrentRuns) || concurrency.maxConcurrentRuns < 1) {
    throw new SandboxConcurrencyError(`maxConcurrentRuns must be a positive integer, got ${String(concurrency.maxConcurrentRuns)}`);
  }
  if (!Number.isSafeInteger(concurrency.maxQueuedRuns) || concurrency.maxQueuedRuns < 0) {
    throw new SandboxConcurrencyError(`maxQueuedRuns must be a non-negative integer, got ${String(concurrency.maxQueuedRuns)}`);
  }
  return concurrency;
}

interface Waiter {
  admit: () => void;
  reject: (error: Error) => void;
}

// How often a queued run looks at its cancellation token (the token has no event to wait on).
const CANCEL_POLL_MS = 50;

/**
 * A counting semaphore with a bounded first-in-first-out queue. `enter` resolves with a release function once a slot
 * is free; it rejects at once with {@link SandboxBusyError} when the queue is full, and with CancelledError when the
 * token is cancelled while waiting (the waiter leaves the queue).
 */
export class RunGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly concurrency: SandboxConcurrency) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  enter(token?: Cancellation): Promise<() => void> {
    if (token?.isCancelled) return Promise.reject(new CancelledError('code execution'));
    if (this.active < this.concurrency.maxConcurrentRuns) return Promise.resolve(this.take());
    const { maxConcurrentRuns, maxQueuedRuns } = this.concurrency;
    if (this.waiting.length >= maxQueuedRuns) {
      return Promise.reject(new SandboxBusyError(`the code sandbox is busy: ${maxConcurrentRuns} programs are running and ${maxQueuedRuns} are waiting; try again later`));
    }
    return new Promise((resolve, reject) => {
      let poll: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        admit: () => {
          if (poll) clearInterval(poll);
          resolve(this.take());
        },
        reject: (error) => {
          if (poll) clearInterval(poll);
          reject(error);
        },
      };
      this.waiting.push(waiter);
      if (token) poll = setInterval(() => token.isCancelled && this.leave(waiter), CANCEL_POLL_MS);
    });
  }

  private take(): () => void {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.admit();
    };
  }

  private leave(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return;
    this.waiting.splice(index, 1);
    waiter.reject(new CancelledError('code execution'));
  }
}
