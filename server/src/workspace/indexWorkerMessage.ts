import type { IndexBuildResult, IndexSaveReport } from './buildCompletionIndex';

/** What the indexing worker posts to the main thread: progress, then the result or the failure, then the save. */
export type IndexWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: IndexBuildResult }
  | { kind: 'error'; message: string }
  | { kind: 'saved'; save: IndexSaveReport };
