import { indentationIsStructure, shapeStream, tokenStream, TokenVocabulary } from './tokenStream';
import { RestoredFile } from './continuationIndexSnapshot';
import type { ContinuationIndexSnapshot, IndexSnapshotFile } from './continuationIndexSnapshot';
import { MAX_TOKEN_REFS, TokenReferences } from './tokenReferences';
import { LineReferences, MAX_LINE_REFS } from './lineReferences';

export { TOKEN_LEVELS } from './tokenReferences';
export { CONTEXT_LEVELS, MAX_LINE_REFS, SHAPE_LEVELS } from './lineReferences';

/** How the index tokenizes and what it indexes. */
export interface ContinuationIndexOptions {
  /** INDENT/DEDENT tokens for languages whose indentation is syntax (`indentationIsStructure`). */
  indentTokens: boolean;
  /** Index every token position for the next-token model (synthesis); off, only line starts are indexed. */
  tokenPostings: boolean;
}

/** One indexed file: its lines and token stream, and where its lines sit in the global line-reference space. */
export interface IndexedFile {
  readonly id: number;
  readonly path: string;
  readonly language: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly tokens: Int32Array;
  /** `tokens` with every name replaced by NAME_ID. */
  readonly shape: Int32Array;
  readonly lineStarts: Int32Array;
  /** Reference of line 0; line i is `refBase + i`. */
  readonly refBase: number;
  /** Token reference of `tokens[0]`; token i is `tokenBase + i`. */
  readonly tokenBase: number;
  alive: boolean;
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * Every line start of every indexed file, reachable by the hash of the tokens before it at each context level.
 * Files are added and removed one at a time; the postings live in a compact sorted segment plus a small delta that
 * is merged when it grows, so incremental updates never rebuild everything on each change. A removed file is only
 * marked dead; re-adding identical text revives it, which is what the benchmark's remove/re-add cycle needs. The
 * postings themselves are `LineReferences` (line starts) and `TokenReferences` (every token, for synthesis).
 */
export class ContinuationIndex {
  readonly vocabulary = new TokenVocabulary();
  private readonly byPath = new Map<string, IndexedFile>();
  private files: IndexedFile[] = [];
  private lineRefs = this.newLineReferences();
  private tokenRefs: TokenReferences;
  private liveLines = 0;
  /** Files held but not live (removed or replaced): their keys are dropped as runs merge. */
  private deadFiles = 0;
  readonly options: ContinuationIndexOptions;

  constructor(options: ContinuationIndexOptions = { indentTokens: false, tokenPostings: false }) {
    this.options = options;
    this.tokenRefs = this.newTokenReferences();
  }

  /**
   * The index a snapshot describes. The typed arrays are used in place (views into a loaded file stay views), lines
   * and shape streams are derived per file on first use; only the vocabulary's lookup map is built.
   */
  static restore(snapshot: ContinuationIndexSnapshot): ContinuationIndex {
    const index = new ContinuationIndex(snapshot.options);
    for (let id = index.vocabulary.size; id < snapshot.vocabulary.length; id++) {
      if (index.vocabulary.id(snapshot.vocabulary[id]) !== id) throw new RangeError(`snapshot vocabulary: token ${id} repeats an earlier one`);
    }
    const isName = (id: number) => index.vocabulary.isName(id);
    index.files = snapshot.files.map((source, id) => new RestoredFile(id, source, isName));
    for (const file of index.files) {
      if (!file.alive) continue;
      index.byPath.set(file.path, file);
      index.liveLines += file.lineStarts.length - 1;
    }
    index.lineRefs = LineReferences.restore((id) => index.files[id].alive, snapshot);
    index.tokenRefs = TokenReferences.restore(index.options.tokenPostings, (id) => index.files[id].alive, snapshot.tokenFile, snapshot.tokenPostings);
    return index;
  }

  /** Everything this index holds as plain data (see `restore`); removed files become empty placeholders. */
  snapshot(): ContinuationIndexSnapshot {
    const vocabulary = Array.from({ length: this.vocabulary.size }, (_, id) => this.vocabulary.token(id));
    const files = this.files.map((file): IndexSnapshotFile => {
      const lineCount = file.lineStarts.length - 1;
      const { path, language, refBase, tokenBase } = file;
      if (file.alive) return { path, language, text: file.text, tokens: file.tokens, lineStarts: file.lineStarts, refBase, tokenBase, lineCount, alive: true };
      return { path, language, text: '', tokens: new Int32Array(0), lineStarts: new Int32Array(0), refBase, tokenBase, lineCount, alive: false };
    });
    const anyDead = this.files.some((file) => !file.alive);
    const lines = this.lineRefs.snapshot(anyDead);
    const tokens = this.tokenRefs.snapshot(anyDead);
    return {
      options: this.options,
      vocabulary,
      files,
      refFile: lines.refFile,
      tokenFile: tokens.tokenFile,
      tokenPostings: tokens.tokenPostings,
      postings: lines.postings,
      shapePostings: lines.shapePostings,
    };
  }

  get fileCount(): number {
    let count = 0;
    for (const file of this.byPath.values()) if (file.alive) count++;
    return count;
  }

  /** Indexed line starts of live files: the "windows" a query can match. */
  get windowCount(): number {
    return this.liveLines;
  }

  has(path: string): boolean {
    return this.byPath.get(path)?.alive === true;
  }

  addFile(path: string, language: string, text: string): void {
    const existing = this.byPath.get(path);
    if (existing && existing.text === text && existing.language === language) {
      if (!existing.alive) {
        existing.alive = true;
        this.deadFiles--;
        this.liveLines += existing.lines.length;
      }
      return;
    }
    if (existing) this.removeFile(path);
    const lines = splitLines(text);
    const { tokens, lineStarts } = tokenStream(lines, this.vocabulary, true, this.options.indentTokens && indentationIsStructure(language));
    const tokenRefs = this.options.tokenPostings ? tokens.length : 0;
    if (this.lineRefs.count + lines.length >= MAX_LINE_REFS || this.tokenRefs.count + tokenRefs >= MAX_TOKEN_REFS) this.compact();
    if (this.lineRefs.count + lines.length >= MAX_LINE_REFS || this.tokenRefs.count + tokenRefs >= MAX_TOKEN_REFS) {
      throw new RangeError(`the completion index holds at most ${MAX_LINE_REFS} lines and ${MAX_TOKEN_REFS} tokens; ${path} does not fit`);
    }
    const shape = shapeStream(tokens, (id) => this.vocabulary.isName(id));
    const file: IndexedFile = {
      id: this.files.length, path, language, text, lines, tokens, shape, lineStarts, refBase: this.lineRefs.count, tokenBase: this.tokenRefs.count, alive: true,
    };
    this.files.push(file);
    this.byPath.set(path, file);
    this.lineRefs.add(file);
    if (tokenRefs > 0) this.tokenRefs.add(file);
    this.liveLines += lines.length;
  }

  /** The lines of a live indexed file, or undefined. */
  linesOf(path: string): readonly string[] | undefined {
    const file = this.byPath.get(path);
    return file?.alive ? file.lines : undefined;
  }

  /** The live indexed file at a path, or undefined. */
  liveFile(path: string): IndexedFile | undefined {
    const file = this.byPath.get(path);
    return file?.alive ? file : undefined;
  }

  /** Every live indexed file, in the order it was first added. */
  liveFiles(): IndexedFile[] {
    return [...this.byPath.values()].filter((file) => file.alive);
  }

  removeFile(path: string): void {
    const file = this.byPath.get(path);
    if (!file?.alive) return;
    file.alive = false;
    this.deadFiles++;
    this.liveLines -= file.lines.length;
  }

  /** Live line references whose preceding `CONTEXT_LEVELS[level]` tokens hash to `hash`, at most `cap` of them. */
  lookup(level: number, hash: number, cap: number): number[] {
    return this.lineRefs.lookup(level, hash, cap);
  }

  /** Like `lookup`, over context shapes at `SHAPE_LEVELS[level]`. */
  lookupShape(level: number, hash: number, cap: number): number[] {
    return this.lineRefs.lookupShape(level, hash, cap);
  }

  /** Live token references whose preceding `TOKEN_LEVELS[level]` tokens hash to `hash`: positions of the next token. */
  lookupToken(level: number, hash: number, cap: number): number[] {
    return this.tokenRefs.lookup(level, hash, cap);
  }

  /** The file and token position a token reference points at. */
  resolveToken(ref: number): { file: IndexedFile; position: number } {
    const file = this.files[this.tokenRefs.fileOf(ref)];
    return { file, position: ref - file.tokenBase };
  }

  /** The file and line a reference points at. */
  resolve(ref: number): { file: IndexedFile; line: number } {
    const file = this.files[this.lineRefs.fileOf(ref)];
    return { file, line: ref - file.refBase };
  }

  private newLineReferences(): LineReferences {
    return new LineReferences((id) => this.files[id].alive, () => this.deadFiles > 0);
  }

  private newTokenReferences(): TokenReferences {
    return new TokenReferences(this.options.tokenPostings, (id) => this.files[id].alive, () => this.deadFiles > 0);
  }

  /** Drops dead files and renumbers references densely; needed only when the reference space runs out. */
  private compact(): void {
    const alive = this.files.filter((f) => f.alive);
    this.files = [];
    this.byPath.clear();
    this.liveLines = 0;
    this.deadFiles = 0;
    this.lineRefs = this.newLineReferences();
    this.tokenRefs = this.newTokenReferences();
    for (const old of alive) this.addFile(old.path, old.language, old.text);
  }
}

