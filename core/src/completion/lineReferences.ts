import { contextHash } from './contextHash';
import { HashPostings } from './hashPostings';
import type { IndexedFile } from './continuationIndex';
import { ReferenceOwners } from './referenceOwners';

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

const REF_BITS = 24;
/** Line references must fit beside a 29-bit hash in an exact float64 key. */
export const MAX_LINE_REFS = 2 ** REF_BITS;

/**
 * Every line start of the indexed files, each a reference into one global space (file `f`'s line i is
 * `f.refBase + i`), reachable by the hash of the tokens before it at each `CONTEXT_LEVELS` length and of their shape
 * at each `SHAPE_LEVELS` length.
 */
export class LineReferences {
  private owners = ReferenceOwners.empty();
  private postings: HashPostings[];
  private shapePostings: HashPostings[];

  /** `isFileAlive` says whether the file with an id is live; `anyDead` whether any may not be (see `HashPostings`). */
  constructor(
    private readonly isFileAlive: (fileId: number) => boolean,
    anyDead: () => boolean,
  ) {
    const levels = (count: number) => Array.from({ length: count }, () => new HashPostings(REF_BITS, (ref) => this.isLive(ref), anyDead));
    this.postings = levels(CONTEXT_LEVELS.length);
    this.shapePostings = levels(SHAPE_LEVELS.length);
  }

  /** References as a snapshot holds them: `refFile` in place, postings as sorted runs. */
  static restore(
    isFileAlive: (fileId: number) => boolean,
    snapshot: { refFile: Int32Array; postings: readonly Float64Array[]; shapePostings: readonly Float64Array[] },
  ): LineReferences {
    const refs = new LineReferences(isFileAlive, () => true);
    refs.owners = ReferenceOwners.of(snapshot.refFile);
    refs.postings = snapshot.postings.map((keys) => HashPostings.fromSorted(REF_BITS, (ref) => refs.isLive(ref), keys));
    refs.shapePostings = snapshot.shapePostings.map((keys) => HashPostings.fromSorted(REF_BITS, (ref) => refs.isLive(ref), keys));
    return refs;
  }

  /** References handed out so far: the next file's `refBase`. */
  get count(): number {
    return this.owners.count;
  }

  /** Gives `file`'s lines their references (from `count` on, which must be its `refBase`) and indexes their starts. */
  add(file: IndexedFile): void {
    this.owners.reserve(file.id, file.lines.length);
    for (let line = 0; line < file.lines.length; line++) {
      const start = file.lineStarts[line];
      for (let level = 0; level < CONTEXT_LEVELS.length; level++) {
        const length = CONTEXT_LEVELS[level];
        if (length > start) break;
        this.postings[level].add(contextHash(file.tokens, start, length), file.refBase + line);
      }
      for (let level = 0; level < SHAPE_LEVELS.length; level++) {
        const length = SHAPE_LEVELS[level];
        if (length > start) break;
        this.shapePostings[level].add(contextHash(file.shape, start, length), file.refBase + line);
      }
    }
  }

  /** Live references whose preceding `CONTEXT_LEVELS[level]` tokens hash to `hash`, at most `cap` of them. */
  lookup(level: number, hash: number, cap: number): number[] {
    return this.postings[level].lookup(hash, cap);
  }

  /** Like `lookup`, over context shapes at `SHAPE_LEVELS[level]`. */
  lookupShape(level: number, hash: number, cap: number): number[] {
    return this.shapePostings[level].lookup(hash, cap);
  }

  /** The id of the file a reference lies in. */
  fileOf(ref: number): number {
    return this.owners.owner(ref);
  }

  /** The references as plain data (see `restore`); `anyDead` drops dead keys while compacting. */
  snapshot(anyDead: boolean): { refFile: Int32Array; postings: Float64Array[]; shapePostings: Float64Array[] } {
    return {
      refFile: this.owners.used(),
      postings: this.postings.map((p) => p.compacted(anyDead)),
      shapePostings: this.shapePostings.map((p) => p.compacted(anyDead)),
    };
  }

  private isLive(ref: number): boolean {
    return this.isFileAlive(this.owners.owner(ref));
  }
}
