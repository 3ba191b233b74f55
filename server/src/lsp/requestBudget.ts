import type { Cancellation } from '@arenalab/core';
import type { CancellationToken } from 'vscode-languageserver/node';

/**
 * One completion request's stop signal as core's Cancellation: the client cancelled it ($/cancelRequest), or its
 * time budget ran out, after which an answer would arrive too late to be shown.
 */
export class RequestBudget implements Cancellation {
  private readonly deadline: number;

  constructor(private readonly token: CancellationToken, budgetMs: number) {
    this.deadline = performance.now() + budgetMs;
  }

  get expired(): boolean {
    return performance.now() > this.deadline;
  }

  get isCancelled(): boolean {
    return this.token.isCancellationRequested || this.expired;
  }
}
