// Entry of the indexing worker thread (see indexInWorker): builds the completion index off the main thread, so the
// language server keeps answering while a big workspace is read, and hands the encoded index over without copying.
import { parentPort, workerData } from 'node:worker_threads';
import { neverCancelled } from '@arenalab/core';
import { buildCompletionIndex, saveBuiltIndex } from './buildCompletionIndex';
import type { IndexBuildJob } from './buildCompletionIndex';
import type { IndexWorkerMessage } from './indexWorkerMessage';

const port = parentPort;
if (port !== null) {
  const job = workerData as IndexBuildJob;
  const post = (message: IndexWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  // The main thread cancels by terminating the thread, so the build itself never needs to look.
  buildCompletionIndex(job, neverCancelled, { report: (done, total) => post({ kind: 'progress', done, total: total ?? 0 }) }).then(
    (result) => {
      // The main thread gets the index before it is written (an fsync of a hundred megabytes takes a while): a copy
      // when the bytes are still to be written here, and only a buffer of its own (not a pooled Buffer's) moves.
      const own = !result.changed && result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength;
      const bytes = own ? result.bytes : new Uint8Array(result.bytes);
      post({ kind: 'done', result: { ...result, bytes } }, [bytes.buffer as ArrayBuffer]);
      if (result.changed) post({ kind: 'saved', save: saveBuiltIndex(job, result.bytes, true) });
    },
    (error: unknown) => post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}
