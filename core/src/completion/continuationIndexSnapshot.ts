import type { ContinuationIndexOptions, IndexedFile } from './continuationIndex';
import { splitLines } from './continuationIndex';
import { shapeStream } from './tokenStream';

/**
 * One file of a snapshot. A removed file keeps its place (its references stay reserved) with `alive` false and no
 * content: nothing can reach it, and it is never revived by a re-add of the same path.
 */
export interface IndexSnapshotFile {
  readonly path: string;
  readonly language: string;
  readonly text: string;
  readonly tokens: Int32Array;
  readonly lineStarts: Int32Array;
  readonly refBase: number;
  /** Token reference of its first token (token postings); its tokens' references stay reserved when it is removed. */
  readonly tokenBase: number;
  /** Lines reserved in the reference space (the file's line count when it was indexed). */
  readonly lineCount: number;
  readonly alive: boolean;
}

/**
 * Everything a `ContinuationIndex` holds, as plain data and typed arrays (what a codec writes and a worker hands
 * over): restoring it derives nothing expensive, the postings are used as they are.
 */
export interface ContinuationIndexSnapshot {
  /** How it tokenized and what it indexed: a restored index adds files the same way. */
  readonly options: ContinuationIndexOptions;
  /** Token strings in id order (ids 0..2 are the fixed NEWLINE, START and NAME tokens). */
  readonly vocabulary: readonly string[];
  readonly files: readonly IndexSnapshotFile[];
  /** File id of every line reference, `nextRef` long. */
  readonly refFile: Int32Array;
  /** One sorted run of live keys per context level, and per shape level. */
  readonly postings: readonly Float64Array[];
  readonly shapePostings: readonly Float64Array[];
  /** File id of every token reference (empty without token postings), and one sorted run per token level. */
  readonly tokenFile: Int32Array;
  readonly tokenPostings: readonly Float64Array[];
}

/**
 * An indexed file restored from a snapshot: its lines and shape stream are made on first use, so loading a big
 * index does not split every file or map every token again.
 */
export class RestoredFile implements IndexedFile {
  alive: boolean;
  private splitText: readonly string[] | undefined;
  private shapeTokens: Int32Array | undefined;

  constructor(
    readonly id: number,
    private readonly source: IndexSnapshotFile,
    private readonly isName: (id: number) => boolean,
  ) {
    this.alive = source.alive;
  }

  get path(): string {
    return this.source.path;
  }

  get language(): string {
    return this.source.language;
  }

  get text(): string {
    return this.source.text;
  }

  get tokens(): Int32Array {
    return this.source.tokens;
  }

  get lineStarts(): Int32Array {
    return this.source.lineStarts;
  }

  get refBase(): number {
    return this.source.refBase;
  }

  get tokenBase(): number {
    return this.source.tokenBase;
  }

  get lines(): readonly string[] {
    // A removed placeholder has no text, but its reserved line count still matters to the reference space.
    this.splitText ??= this.source.alive ? splitLines(this.source.text) : new Array<string>(this.source.lineCount).fill('');
    return this.splitText;
  }

  get shape(): Int32Array {
    this.shapeTokens ??= shapeStream(this.source.tokens, this.isName);
    return this.shapeTokens;
  }
}
