import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { Cancellation } from '../ports/cancellation';
import { CancelledError } from '../ports/cancellation';
import type { GrammarLoader } from '../ports/grammarLoader';
import { SyntaxServiceError } from './syntaxServiceError';

// web-tree-sitter keeps one wasm module per process and ignores later init options, so the runtime is started once
// and every service shares it (a second service with other runtime bytes still uses the first runtime).
let runtimeReady: Promise<void> | undefined;

function startRuntime(loader: GrammarLoader): Promise<void> {
  runtimeReady ??= loader
    .runtimeWasm()
    .then((wasmBinary) => Parser.init({ wasmBinary }))
    .catch((error: unknown) => {
      runtimeReady = undefined;
      throw new SyntaxServiceError('RUNTIME_LOAD_FAILED', `The tree-sitter runtime did not load: ${messageOf(error)}`);
    });
  return runtimeReady;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Parses documents with tree-sitter. Grammars are loaded on first use of a language and kept for the life of the
 * service; a grammar that failed to load keeps failing (with the same error) instead of being re-read on every
 * keystroke.
 *
 * **Tree ownership:** every tree `parse` returns belongs to the caller, who must call `tree.delete()` when done
 * (wasm memory is not garbage-collected promptly; web-tree-sitter's finalizers are only a safety net). `withTree`
 * does that for short-lived trees.
 */
export class SyntaxService {
  private readonly languageLoads = new Map<string, Promise<Language>>();
  private readonly parsers = new Map<string, Parser>();

  private constructor(private readonly loader: GrammarLoader) {}

  /** Starts the runtime from `loader.runtimeWasm()`; grammars load later, lazily. */
  static async create(loader: GrammarLoader): Promise<SyntaxService> {
    await startRuntime(loader);
    return new SyntaxService(loader);
  }

  /** Language ids the loader has a grammar for. */
  languages(): string[] {
    return this.loader.languages();
  }

  supports(languageId: string): boolean {
    return this.loader.languages().includes(languageId);
  }

  /** Loads the grammar now (parse does it on demand); rejects with a SyntaxServiceError. */
  async language(languageId: string): Promise<Language> {
    let load = this.languageLoads.get(languageId);
    if (!load) {
      load = this.loadLanguage(languageId);
      this.languageLoads.set(languageId, load);
    }
    return load;
  }

  /**
   * Parses `text`. With `oldTree` (already `edit`ed to match `text`) the parse is incremental and reuses unchanged
   * subtrees; `oldTree` stays owned by the caller. Cancellation is checked while the parser runs.
   */
  async parse(languageId: string, text: string, oldTree?: Tree, token?: Cancellation): Promise<Tree> {
    const parser = await this.parser(languageId);
    return parseWith(parser, text, oldTree, token);
  }

  /** Frees the parsers. Trees already returned stay valid and still belong to their callers. */
  dispose(): void {
    for (const parser of this.parsers.values()) parser.delete();
    this.parsers.clear();
  }

  private async parser(languageId: string): Promise<Parser> {
    const language = await this.language(languageId);
    let parser = this.parsers.get(languageId);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(language);
      this.parsers.set(languageId, parser);
    }
    return parser;
  }

  private async loadLanguage(languageId: string): Promise<Language> {
    if (!this.supports(languageId)) {
      throw new SyntaxServiceError('UNSUPPORTED_LANGUAGE', `No grammar for language '${languageId}'.`, languageId);
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.loader.grammarWasm(languageId);
      if (!bytes) throw new Error('the loader returned no bytes');
      return await Language.load(bytes);
    } catch (error) {
      throw new SyntaxServiceError(
        'GRAMMAR_LOAD_FAILED',
        `The grammar for '${languageId}' did not load: ${messageOf(error)}`,
        languageId,
      );
    }
  }
}

function parseWith(parser: Parser, text: string, oldTree: Tree | undefined, token: Cancellation | undefined): Tree {
  const progressCallback = token ? () => token.isCancelled : undefined;
  const tree = parser.parse(text, oldTree ?? null, progressCallback ? { progressCallback } : undefined);
  if (!tree) {
    // A cancelled parse would otherwise resume on the next call, with the next call's text.
    parser.reset();
    throw new CancelledError('Parsing');
  }
  return tree;
}
