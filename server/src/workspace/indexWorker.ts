// Entry of the indexing worker thread (see indexInWorker): builds the completion index off the main thread, so the
// language server keeps answering while a big workspace is read, and hands the encoded index over without copying.
import { parentPort } from 'node:worker_threads';
import { neverCancelled } from '@arenalab/core';
import { buildCompletionIndex } from './buildCompletionIndex';
import type { IndexBuildJob } from './buildCompletionIndex';
import type { IndexWorkerMessage } from './indexWorkerMessage';

const port = parentPort;
const post = (message: IndexWorkerMessage, transfer: ArrayBuffer[] = []) => port?.postMessage(message, transfer);
if (port !== null) {
  // One job per thread, sent when it is due (the thread may have been started ahead of time). The main thread
  // cancels by terminating the thread, so the build itself never needs to look.
  port.once('message', run);
}

function run(job: IndexBuildJob): void {
  buildCompletionIndex(job, neverCancelled, { report: (done, total) => post({ kind: 'progress', done, total: total ?? 0 }) }).then(
    (result) => {
      // Only a buffer of its own (not a pooled Buffer's) can be transferred; the main thread writes it if changed.
      const own = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength;
      const bytes = own ? result.bytes : new Uint8Array(result.bytes);
      post({ kind: 'done', result: { ...result, bytes } }, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}
