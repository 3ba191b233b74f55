import { NotificationType } from 'vscode-languageserver-protocol';

export type ArenalabServerState = 'indexing' | 'ready' | 'error';

export interface StatusParams {
  state: ArenalabServerState;
  /** Files in the engine's index. */
  files: number;
  /** Context windows in the engine's index. */
  windows: number;
  /** Human-readable detail: what is being indexed, or what went wrong. */
  message: string;
  /**
   * The vector index the server's datasets and chat use: `hnsw` when the native addon loads on this platform, else
   * `exact` (the same answers, slower), with `vectorIndexReason` saying why.
   */
  vectorIndex?: 'hnsw' | 'exact';
  vectorIndexReason?: string;
  /**
   * With `ready` after a full indexing: `saved` when the completion index was loaded from the store's saved index
   * (and brought up to date), `built` when it was indexed from scratch.
   */
  indexSource?: 'saved' | 'built';
}

/**
 * `arenalab/status`, server → client notification: the server's indexing state, sent when indexing starts, when the
 * index is ready and when it fails, so the client can show it (status bar) and tests can wait for readiness.
 */
export const StatusNotification = new NotificationType<StatusParams>('arenalab/status');
