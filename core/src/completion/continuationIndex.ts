import { contextHash } from './contextHash';
import { shapeStream, tokenStream, TokenVocabulary } from './tokenStream';
import { HashPostings } from './hashPostings';
import { RestoredFile } from './continuationIndexSnapshot';
import type { ContinuationIndexSnapshot, IndexSnapshotFile } from './continuationIndexSnapshot';

/**
 * Context lengths (in tokens) at which line starts are indexed; a query backs off from the longest. Level 1 is just
 * the line break (or the document start): the last resort, a sample of lines in general or of first lines.
 */
export const CONTEXT_LEVELS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;

/**
 * Context lengths at which the *shape* of the context (names replaced by a placeholder) is indexed, so that code of
 * the same structure with other names is found and its continuation adapted. Short shapes match everything.
 */
export const SHAPE_LEVELS = [4, 6, 8, 12, 16, 24, 32] as const;

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
  alive: boolean;
}

const REF_BITS = 24;
/** Line references must fit beside a 29-bit hash in an exact float64 key. */
export const MAX_LINE_REFS = 2 ** REF_BITS;

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * Every line start of every indexed file, reachable by the hash of the tokens before it at each context level.
 * Files are added and removed one at a time; the postings live in a compact sorted segment plus a small delta that
 * is merged when it grows, so incremental updates never rebuild everything on each change. A removed file is only
 * marked dead; re-adding identical text revives it, which is what the benchmark's remove/re-add cycle needs.
 */
export class ContinuationIndex {
  readonly vocabulary = new TokenVocabulary();
  private readonly byPath = new Map<string, IndexedFile>();
  private files: IndexedFile[] = [];
  private refFile: Int32Array = new Int32Array(1024);
  private nextRef = 0;
  private postings: HashPostings[] = this.newPostings(CONTEXT_LEVELS.length);
  private shapePostings: HashPostings[] = this.newPostings(SHAPE_LEVELS.length);
  private liveLines = 0;

  /**
   * The index a snapshot describes. The typed arrays are used in place (views into a loaded file stay views), lines
   * and shape streams are derived per file on first use; only the vocabulary's lookup map is built.
   */
  static restore(snapshot: ContinuationIndexSnapshot): ContinuationIndex {
    const index = new ContinuationIndex();
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
    index.refFile = snapshot.refFile;
    index.nextRef = snapshot.refFile.length;
    index.postings = snapshot.postings.map((keys) => HashPostings.fromSorted(REF_BITS, (ref) => index.isLive(ref), keys));
    index.shapePostings = snapshot.shapePostings.map((keys) => HashPostings.fromSorted(REF_BITS, (ref) => index.isLive(ref), keys));
    return index;
  }

  /** Everything this index holds as plain data (see `restore`); removed files become empty placeholders. */
  snapshot(): ContinuationIndexSnapshot {
    const vocabulary = Array.from({ length: this.vocabulary.size }, (_, id) => this.vocabulary.token(id));
    const files = this.files.map((file): IndexSnapshotFile => {
      const lineCount = file.lineStarts.length - 1;
      if (file.alive) return { path: file.path, language: file.language, text: file.text, tokens: file.tokens, lineStarts: file.lineStarts, refBase: file.refBase, lineCount, alive: true };
      return { path: file.path, language: file.language, text: '', tokens: new Int32Array(0), lineStarts: new Int32Array(0), refBase: file.refBase, lineCount, alive: false };
    });
    const anyDead = this.files.some((file) => !file.alive);
    return {
      vocabulary,
      files,
      refFile: this.refFile.subarray(0, this.nextRef),
      postings: this.postings.map((p) => p.compacted(anyDead)),
      shapePostings: this.shapePostings.map((p) => p.compacted(anyDead)),
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
        this.liveLines += existing.lines.length;
      }
      return;
    }
    if (existing) this.removeFile(path);
    const lines = splitLines(text);
    if (this.nextRef + lines.length >= MAX_LINE_REFS) this.compact();
    if (this.nextRef + lines.length >= MAX_LINE_REFS) {
      throw new RangeError(`the completion index holds at most ${MAX_LINE_REFS} lines; ${path} does not fit`);
    }
    const { tokens, lineStarts } = tokenStream(lines, this.vocabulary);
    const shape = shapeStream(tokens, (id) => this.vocabulary.isName(id));
    const file: IndexedFile = { id: this.files.length, path, language, text, lines, tokens, shape, lineStarts, refBase: this.nextRef, alive: true };
    this.files.push(file);
    this.byPath.set(path, file);
    this.assignRefs(file);
    this.indexLines(file);
    this.liveLines += lines.length;
  }

  /** The lines of a live indexed file, or undefined. */
  linesOf(path: string): readonly string[] | undefined {
    const file = this.byPath.get(path);
    return file?.alive ? file.lines : undefined;
  }

  removeFile(path: string): void {
    const file = this.byPath.get(path);
    if (!file?.alive) return;
    file.alive = false;
    this.liveLines -= file.lines.length;
  }

  /** Live line references whose preceding `CONTEXT_LEVELS[level]` tokens hash to `hash`, at most `cap` of them. */
  lookup(level: number, hash: number, cap: number): number[] {
    return this.postings[level].lookup(hash, cap);
  }

  /** Like `lookup`, over context shapes at `SHAPE_LEVELS[level]`. */
  lookupShape(level: number, hash: number, cap: number): number[] {
    return this.shapePostings[level].lookup(hash, cap);
  }

  /** The file and line a reference points at. */
  resolve(ref: number): { file: IndexedFile; line: number } {
    const file = this.files[this.refFile[ref]];
    return { file, line: ref - file.refBase };
  }

  private newPostings(levels: number): HashPostings[] {
    return Array.from({ length: levels }, () => new HashPostings(REF_BITS, (ref) => this.isLive(ref)));
  }

  private isLive(ref: number): boolean {
    return this.files[this.refFile[ref]].alive;
  }

  private assignRefs(file: IndexedFile): void {
    const end = this.nextRef + file.lines.length;
    if (end > this.refFile.length) {
      const grown = new Int32Array(Math.max(end, this.refFile.length * 2));
      grown.set(this.refFile);
      this.refFile = grown;
    }
    this.refFile.fill(file.id, this.nextRef, end);
    this.nextRef = end;
  }

  private indexLines(file: IndexedFile): void {
    for (let line = 0; line < file.lines.length; line++) {
      const end = file.lineStarts[line];
      for (let level = 0; level < CONTEXT_LEVELS.length; level++) {
        const length = CONTEXT_LEVELS[level];
        if (length > end) break;
        this.postings[level].add(contextHash(file.tokens, end, length), file.refBase + line);
      }
      for (let level = 0; level < SHAPE_LEVELS.length; level++) {
        const length = SHAPE_LEVELS[level];
        if (length > end) break;
        this.shapePostings[level].add(contextHash(file.shape, end, length), file.refBase + line);
      }
    }
  }

  /** Drops dead files and renumbers references densely; needed only when the reference space runs out. */
  private compact(): void {
    const alive = this.files.filter((f) => f.alive);
    this.files = [];
    this.byPath.clear();
    this.refFile = new Int32Array(1024);
    this.nextRef = 0;
    this.liveLines = 0;
    this.postings = this.newPostings(CONTEXT_LEVELS.length);
    this.shapePostings = this.newPostings(SHAPE_LEVELS.length);
    for (const old of alive) this.addFile(old.path, old.language, old.text);
  }
}

