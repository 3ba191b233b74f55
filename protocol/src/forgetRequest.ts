import { RequestType } from 'vscode-languageserver-protocol';

/** What to forget: stored outcome spans (and, for a source id, the trust in that place), a document's places, or both. */
export interface ForgetParams {
  /**
   * Span ids, each forgotten with every outcome span citing it (transitively): an outcome (a suggestion's, a retention
   * check, a run) or a source (`win_…`, a dataset span id; its own trust is reset too).
   */
  spanIds?: string[];
  /** A document URI of the workspace: every place in it that earned or lost trust through outcomes. */
  file?: string;
}

export interface ForgetResult {
  /** Outcome spans unlearned: the ones named and every span citing them (a retention check of a forgotten suggestion). */
  outcomes: string[];
  /** Sources whose own trust was reset: named by id or living in the file (the outcomes' credit is in `outcomes`). */
  sources: number;
  /** The engine's key of the file, when one was given. */
  file?: string;
}

/**
 * `arenalab/forget`, client → server request (exact unlearning): the running creature answers afterwards as
 * one that never saw what was forgotten. Indexed code stays indexed. The store is append-only, so the server stores a
 * `forget_learning` tombstone: a restart replays it where it stands, and datasets, the chat and curation read the
 * store without what it names (and what cites or derives from it).
 */
export const ForgetRequest = new RequestType<ForgetParams, ForgetResult, void>('arenalab/forget');
