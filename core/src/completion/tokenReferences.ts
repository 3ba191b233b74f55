import { contextHash } from './contextHash';
import { HashPostings } from './hashPostings';
import type { IndexedFile } from './continuationIndex';
import { ReferenceOwners } from './referenceOwners';

/**
 * Context lengths at which every token position is indexed for the next-token model (`NextTokenModel`): a query backs
 * off from the longest. Few levels, because each costs one key per token.
 */
export const TOKEN_LEVELS = [2, 6] as const;

/** Token references get more bits than line references; their hashes fewer (still verified token by token). */
const TOKEN_REF_BITS = 26;
const TOKEN_HASH_MASK = 2 ** (53 - TOKEN_REF_BITS) - 1;
export const MAX_TOKEN_REFS = 2 ** TOKEN_REF_BITS;

/**
 * Every token position of the indexed files, each a reference into one global space (file `f`'s token i is
 * `f.tokenBase + i`), reachable by the hash of the `TOKEN_LEVELS` tokens before it. Disabled (an index without token
 * postings), references are still counted but nothing is found.
 */
export class TokenReferences {
  private owners = ReferenceOwners.empty();
  private postings: HashPostings[];

  /** `isFileAlive` says whether the file with an id is live; `anyDead` whether any may not be (see `HashPostings`). */
  constructor(
    enabled: boolean,
    private readonly isFileAlive: (fileId: number) => boolean,
    anyDead: () => boolean,
  ) {
    this.postings = enabled ? TOKEN_LEVELS.map(() => new HashPostings(TOKEN_REF_BITS, (ref) => this.isLive(ref), anyDead)) : [];
  }

  /** References as a snapshot holds them: `tokenFile` in place, postings as sorted runs (when `enabled`). */
  static restore(enabled: boolean, isFileAlive: (fileId: number) => boolean, tokenFile: Int32Array, postings: readonly Float64Array[]): TokenReferences {
    const refs = new TokenReferences(false, isFileAlive, () => true);
    refs.owners = ReferenceOwners.of(tokenFile);
    if (enabled) refs.postings = postings.map((keys) => HashPostings.fromSorted(TOKEN_REF_BITS, (ref) => refs.isLive(ref), keys));
    return refs;
  }

  /** References handed out so far: the next file's `tokenBase`. */
  get count(): number {
    return this.owners.count;
  }

  /** Gives `file`'s tokens their references (from `count` on, which must be its `tokenBase`) and indexes them. */
  add(file: IndexedFile): void {
    this.owners.reserve(file.id, file.tokens.length);
    for (let position = 1; position < file.tokens.length; position++) {
      for (let level = 0; level < TOKEN_LEVELS.length; level++) {
        const length = TOKEN_LEVELS[level];
        if (length > position) break;
        this.postings[level].add(contextHash(file.tokens, position, length) & TOKEN_HASH_MASK, file.tokenBase + position);
      }
    }
  }

  /** Live references whose preceding `TOKEN_LEVELS[level]` tokens hash to `hash`: positions of the next token. */
  lookup(level: number, hash: number, cap: number): number[] {
    // An index made without token postings (synthesis off when it was built) offers composing nothing from the workspace.
    return this.postings[level]?.lookup(hash & TOKEN_HASH_MASK, cap) ?? [];
  }

  /** The id of the file a reference lies in. */
  fileOf(ref: number): number {
    return this.owners.owner(ref);
  }

  /** The references as plain data (see `restore`); `anyDead` drops dead keys while compacting. */
  snapshot(anyDead: boolean): { tokenFile: Int32Array; tokenPostings: Float64Array[] } {
    return { tokenFile: this.owners.used(), tokenPostings: this.postings.map((p) => p.compacted(anyDead)) };
  }

  private isLive(ref: number): boolean {
    return this.isFileAlive(this.owners.owner(ref));
  }
}
