/** Fixed limits of the language server; pulling and validating client settings is a later step of the editor issue. */
export interface LspSettings {
  /** Documents larger than this (UTF-8 bytes) are neither indexed nor completed in: the engine would stall on them. */
  maxDocumentBytes: number;
  /** Quiet time after the last keystroke before a changed document is re-indexed, so typing does not re-index per key. */
  reindexDebounceMs: number;
  /** Time a completion may take; past it the answer is dropped, because ghost text that arrives late is noise. */
  requestBudgetMs: number;
  /** Shown suggestions remembered for arenalab/explain and feedback. */
  rememberedSuggestions: number;
}

export const DEFAULT_LSP_SETTINGS: Readonly<LspSettings> = {
  maxDocumentBytes: 10 * 1024 * 1024,
  reindexDebounceMs: 150,
  requestBudgetMs: 250,
  rememberedSuggestions: 200,
};
