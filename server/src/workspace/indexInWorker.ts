import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, yieldToHost } from '@arenalab/core';
import type { Cancellation, Progress } from '@arenalab/core';
import { buildCompletionIndex, saveBuiltIndexInBackground } from './buildCompletionIndex';
import type { IndexBuildJob, IndexBuildResult, IndexSaveReport } from './buildCompletionIndex';
import type { IndexWorkerMessage } from './indexWorkerMessage';

/** The worker's script: beside this file, compiled (server/out/workspace) or bundled (dist/, see esbuild.mjs). */
export const INDEX_WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

/** A worker started ahead of time (prestartIndexWorker), waiting for its job; unreferenced while it waits. */
let spare: { script: string; worker: Worker } | undefined;

/**
 * Starts a worker thread now, so the first indexing does not wait for one to boot and load its modules (a few
 * hundred milliseconds of a warm start); the language server calls it as it starts. It does not keep the process
 * alive, and a worker that fails to start is simply not used.
 */
export function prestartIndexWorker(script = INDEX_WORKER_SCRIPT): void {
  if (spare !== undefined || !fs.existsSync(script)) return;
  const worker = new Worker(script);
  worker.unref();
  const drop = () => {
    if (spare?.worker === worker) spare = undefined;
  };
  worker.on('error', drop).on('exit', drop);
  spare = { script, worker };
}

function takeWorker(script: string): Worker {
  const taken = spare?.script === script ? spare.worker : new Worker(script);
  if (spare?.worker === taken) spare = undefined;
  taken.ref();
  return taken;
}

/** How often a running worker's cancellation token is looked at. */
const CANCEL_POLL_MS = 50;

export interface IndexedInThread extends IndexBuildResult {
  /** Where it was built: a worker thread, or the main thread (with why) when no worker could run. */
  thread: 'worker' | 'main';
  threadProblem?: string;
}

export interface IndexInWorkerOptions {
  /** The worker's script (default INDEX_WORKER_SCRIPT); where it is missing the build runs on this thread. */
  script?: string;
  /** Told once the saved index was written (or not: unchanged, no store, or a failure), after the result is returned. */
  onSaved?: (save: IndexSaveReport) => void;
}

/**
 * Builds the completion index (see buildCompletionIndex) on a worker thread and receives it encoded, its buffer
 * transferred, not copied. Cancelling terminates the worker at once (CancelledError). Where the worker script is
 * missing the build runs here instead, yielding to the event loop between batches of files. The index file is
 * written after the result is handed over, so answering from it never waits for the disk.
 */
export async function indexInWorker(job: IndexBuildJob, token: Cancellation, progress: Progress, options: IndexInWorkerOptions = {}): Promise<IndexedInThread> {
  const script = options.script ?? INDEX_WORKER_SCRIPT;
  const onSaved = options.onSaved ?? (() => undefined);
  if (!fs.existsSync(script)) {
    const result = await buildCompletionIndex(job, token, progress, yieldToHost);
    void saveBuiltIndexInBackground(job, result.bytes, result.changed).then(onSaved);
    return { ...result, thread: 'main', threadProblem: `no worker script at ${script}` };
  }
  const result = await runWorker(script, job, token, progress);
  // Written from here, without blocking the event loop, while the index already answers: nothing mutates the bytes.
  void saveBuiltIndexInBackground(job, result.bytes, result.changed).then(onSaved);
  return { ...result, thread: 'worker' };
}

function runWorker(script: string, job: IndexBuildJob, token: Cancellation, progress: Progress): Promise<IndexBuildResult> {
  return new Promise<IndexBuildResult>((resolve, reject) => {
    const worker = takeWorker(script);
    worker.postMessage(job);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      outcome();
    };
    const poll = setInterval(() => {
      if (!token.isCancelled) return;
      finish(() => reject(new CancelledError('indexing')));
      void worker.terminate();
    }, CANCEL_POLL_MS);
    worker.on('message', (message: IndexWorkerMessage) => {
      if (message.kind === 'progress') progress.report(message.done, message.total);
      else if (message.kind === 'done') finish(() => resolve(message.result));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the indexing worker exited (code ${code}) before it finished`))));
  });
}
