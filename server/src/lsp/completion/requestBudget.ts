import type { Cancellation, Clock } from '@arenalab/core';
import type { CancellationToken } from 'vscode-languageserver/node';

/**
 * One completion request's two stop signals, as core Cancellations: `cancelled` when the client cancelled it
 * ($/cancelRequest; the answer is no longer wanted), `deadline` when its time budget is spent (an answer arriving
 * later would come too late to be shown, so the engine ranks what it has found by then). Time comes from the
 * injected clock, so tests decide when the budget runs out.
 */
export class RequestBudget {
  readonly cancelled: Cancellation;
  readonly deadline: Cancellation;

  constructor(token: CancellationToken, readonly budgetMs: number, clock: Clock) {
    const endsAt = clock.now() + budgetMs;
    this.cancelled = { get isCancelled() { return token.isCancellationRequested; } };
    this.deadline = { get isCancelled() { return clock.now() >= endsAt; } };
  }
}
