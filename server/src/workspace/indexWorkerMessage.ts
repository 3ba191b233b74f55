import type { IndexBuildResult } from './buildCompletionIndex';

/** What the indexing worker posts to the main thread: progress, then the result or the failure */
export type IndexWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: IndexBuildResult }
  | { kind: 'error'; message: string };
