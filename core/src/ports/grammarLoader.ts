/**
 * Where core's syntax layer gets tree-sitter wasm from. Core receives bytes only, never paths, so it stays free of
 * file systems: the server reads `grammars/manifest.json` from disk, a bundle reads files next to itself, a browser
 * host could fetch them.
 */
export interface GrammarLoader {
  /** The web-tree-sitter runtime (`web-tree-sitter.wasm`) matching the `web-tree-sitter` package core imports. */
  runtimeWasm(): Promise<Uint8Array>;
  /** The grammar for an LSP language id (`typescript`, `python`, …), or undefined when the host has none. */
  grammarWasm(languageId: string): Promise<Uint8Array | undefined>;
  /** Every language id `grammarWasm` can answer, without loading anything. */
  languages(): string[];
}
