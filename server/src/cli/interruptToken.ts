import type { Cancellation } from '@arenalab/core';

/**
 * Turns Ctrl-C into a Cancellation. The first SIGINT asks long work to stop at its next safe point (between store
 * batches, so the store stays consistent); a second one exits at once, which is still safe because the store cuts a
 * torn tail on the next open.
 */
export class InterruptToken implements Cancellation {
  private cancelled = false;
  private readonly onSigint = (): void => {
    if (this.cancelled) {
      process.stderr.write('\narenalab: interrupted twice, exiting now\n');
      process.exit(130);
    }
    this.cancelled = true;
    process.stderr.write('\narenalab: stopping after the current batch (Ctrl-C again to exit now)\n');
  };

  constructor() {
    process.on('SIGINT', this.onSigint);
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  dispose(): void {
    process.off('SIGINT', this.onSigint);
  }
}
