/** What the language server is started with (fixed for its lifetime); the client's arenalab.* settings are separate. */
export interface LspSettings {
  /** Documents larger than this (UTF-8 bytes) are neither indexed nor completed in: the engine would stall on them. */
  maxDocumentBytes: number;
  /** Quiet time after the last keystroke before a changed document is re-indexed, so typing does not re-index per key. */
  reindexDebounceMs: number;
  /** Shown suggestions remembered for arenalab/explain and feedback. */
  rememberedSuggestions: number;
  /**
   * Outcome store folder for clients that send no `arenalab.store.location` (editors without settings, scripts):
   * `arenalab lsp` takes it from the ARENALAB_STORE environment variable. The client's setting wins when set.
   */
  storeLocation?: string;
  /**
   * False when recording was turned off at start (`arenalab lsp --no-record`, `ARENALAB_RECORDING=off`); then no
   * setting turns it on.
   */
  recording?: boolean;
}

export const DEFAULT_LSP_SETTINGS: Readonly<LspSettings> = {
  maxDocumentBytes: 10 * 1024 * 1024,
  reindexDebounceMs: 150,
  rememberedSuggestions: 200,
};
