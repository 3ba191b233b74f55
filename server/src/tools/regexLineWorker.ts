import { Worker } from 'node:worker_threads';
import { ToolError } from '@arenalab/core';

// Evaluated in the worker: tests each line of a batch, answers with the indices that match. Inline source, so the
// bundled CLI needs no extra file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pattern = new RegExp(workerData.query, 'i');
parentPort.on('message', (lines) => {
  const hits = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].length <= workerData.maxLineChars && pattern.test(lines[i])) hits.push(i);
  parentPort.postMessage(hits);
});
`;

/**
 * A user's regular expression run on a worker thread with a time budget per batch of lines. JavaScript cannot
 * interrupt a backtracking regular expression, but it can terminate the thread running it: a pathological pattern
 * ends the search with a clear error instead of freezing the host.
 */
export class RegexLineWorker {
  private constructor(
    private readonly worker: Worker,
    private readonly query: string,
  ) {}

  /** Checks the pattern here first, so a syntax error is reported without starting a thread. */
  static start(query: string, maxLineChars: number): RegexLineWorker {
    try {
      new RegExp(query, 'i');
    } catch (error) {
      throw new ToolError('bad_arguments', `'${query}' is not a valid regular expression: ${(error as Error).message}`);
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { query, maxLineChars }, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    worker.unref();
    return new RegexLineWorker(worker, query);
  }

  /** Indices of the matching lines; rejects with a `timeout` ToolError (and stops the thread) past the budget. */
  test(lines: readonly string[], budgetMs: number, where: string): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
      };
      const onMessage = (hits: number[]): void => {
        cleanup();
        resolve(hits);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(new ToolError('failed', `the regular expression search failed on ${where}: ${error.message}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        void this.worker.terminate();
        reject(new ToolError('timeout', `the regular expression '${this.query}' took longer than ${budgetMs} ms on ${where} (catastrophic backtracking?); simplify it or search for plain text`));
      }, budgetMs);
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      this.worker.postMessage(lines);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
