import { RequestType0 } from 'vscode-languageserver-protocol';

/** The index after a rebuild. */
export interface ReindexResult {
  files: number;
  windows: number;
}

/**
 * `arenalab/reindex`, client → server request: rebuild the index of every workspace folder from disk (after a branch
 * switch, or when the developer asks). Progress and the final state arrive as `arenalab/status`.
 */
export const ReindexRequest = new RequestType0<ReindexResult, void>('arenalab/reindex');

/** The same action as a `workspace/executeCommand` command, for clients that only know standard LSP. */
export const REINDEX_COMMAND = 'arenalab.reindex';
