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
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case) of the server's environment, for the external model's calls. */
  proxyEnv?: Readonly<Record<string, string | undefined>>;
  /**
   * The external model's API key from ARENALAB_LLM_API_KEY: the VS Code extension passes the key it keeps in the
   * editor's secret storage this way, so it is never in a settings file nor in a traced LSP message. A key sent in
   * `arenalab.llm.apiKey` (other editors) wins. Never logged.
   */
  llmApiKey?: string;
  /**
   * Test hook (ARENALAB_TEST_INDEX_GATE): the indexing thread blocks until this file exists, standing in for an
   * indexer slow enough to watch requests being answered meanwhile. Unset in normal use.
   */
  indexGate?: string;
}

const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'no_proxy'];

/** The proxy variables of an environment, both cases, and nothing else of it. */
export function proxyEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries(PROXY_VARIABLES.flatMap((name) => [[name, env[name]], [name.toUpperCase(), env[name.toUpperCase()]]]).filter(([, value]) => value !== undefined));
}

export const DEFAULT_LSP_SETTINGS: Readonly<LspSettings> = {
  maxDocumentBytes: 10 * 1024 * 1024,
  reindexDebounceMs: 150,
  rememberedSuggestions: 200,
};
