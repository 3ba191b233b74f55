import { contextHash, sharedSuffixLength } from './contextHash';
import { TOKEN_LEVELS } from './continuationIndex';
import type { ContinuationIndex } from './continuationIndex';

/**
 * A token stream the model reads directly (the request's document, an open file) or an indexed file. `lines` and
 * `lineStarts` locate a token's line for provenance and spacing; `firstLine` is the document line of `lines[0]`.
 */
export interface TokenSource {
  path: string;
  scope: 'self' | 'open' | 'index';
  tokens: Int32Array;
  lineStarts: Int32Array;
  lines: readonly string[];
  firstLine: number;
  /** Tokens at or after this position are not evidence (the cursor, in the request's own document). */
  end: number;
}

/** One place a next token was seen after the same context: the token at `position` in `source`. */
export interface TokenEvidence {
  source: TokenSource;
  position: number;
  /** Tokens of context shared with the query before `position`. */
  matchLength: number;
}

/** A possible next token and the evidence for it. */
export interface NextToken {
  id: number;
  /** Share of the evidence weight, 0–1. */
  probability: number;
  /** Supporting places. */
  count: number;
  /** The strongest supporting place (longest context, most local). */
  best: TokenEvidence;
}

/** The model's settings (from CompletionEngineConfig). */
export interface NextTokenSettings {
  /** Weight of a place grows as (shared context) ^ this. */
  matchExponent: number;
  /** Shortest shared context that counts. */
  minContext: number;
  /** Longest shared context measured. */
  maxContext: number;
  /** Back off to shorter indexed contexts only until this many places were found. */
  minOccurrences: number;
  /** Most indexed places examined per level. */
  maxPerLevel: number;
  /** Weight multipliers by locality: the document predicts itself best, then open files, then the workspace. */
  selfWeight: number;
  openFileWeight: number;
  /**
   * Weight multiplier for a name that occurs nowhere in the local streams: names bound in the document are
   * preferred over names seen elsewhere (renaming at token level). 1 turns it off.
   */
  foreignNameWeight: number;
}

interface Tally {
  weight: number;
  count: number;
  best: TokenEvidence;
  bestWeight: number;
}

/** Positions in a local stream by the token before them, so the places after a context's last token are at hand. */
class LocalPositions {
  private readonly byPrevious = new Map<number, number[]>();

  constructor(readonly source: TokenSource) {
    for (let q = 1; q < source.end; q++) {
      const previous = source.tokens[q - 1];
      let list = this.byPrevious.get(previous);
      if (!list) this.byPrevious.set(previous, (list = []));
      list.push(q);
    }
  }

  after(token: number): readonly number[] {
    return this.byPrevious.get(token) ?? [];
  }
}

/**
 * A variable-length n-gram model of the next token (the ∞-gram idea: the longest context seen decides, shorter ones
 * back off), with nested locality: the request's document and open files are read directly, the workspace through
 * the index's token postings, each place weighted by its shared context length ^ exponent and by its locality, so
 * local and specific evidence wins. Unknown (request-local) tokens only match inside the local streams.
 */
export class NextTokenModel {
  private readonly local: LocalPositions[];
  private readonly indexSources = new Map<number, TokenSource>();
  /** Every token id of the local streams: the names the document and open files bind or use. */
  private readonly localIds = new Set<number>();

  constructor(
    private readonly index: ContinuationIndex | undefined,
    private readonly excludePath: string,
    localSources: readonly TokenSource[],
    private readonly settings: NextTokenSettings,
  ) {
    this.local = localSources.map((source) => new LocalPositions(source));
    for (const source of localSources) for (const id of source.tokens) this.localIds.add(id);
  }

  private isForeignName(id: number): boolean {
    return id >= 0 && !this.localIds.has(id) && this.index?.vocabulary.isName(id) === true;
  }

  /** The next tokens after `context[0, end)`, most probable first. */
  next(context: Int32Array, end: number): NextToken[] {
    const tallies = new Map<number, Tally>();
    if (end === 0) return [];
    for (const local of this.local) this.scanLocal(local, context, end, tallies);
    if (this.index) this.scanIndex(this.index, context, end, tallies);
    let total = 0;
    for (const tally of tallies.values()) total += tally.weight;
    const out: NextToken[] = [];
    if (this.settings.foreignNameWeight !== 1) {
      for (const [id, tally] of tallies) if (this.isForeignName(id)) tally.weight *= this.settings.foreignNameWeight;
      total = 0;
      for (const tally of tallies.values()) total += tally.weight;
    }
    for (const [id, tally] of tallies) out.push({ id, probability: tally.weight / total, count: tally.count, best: tally.best });
    return out.sort((a, b) => b.probability - a.probability || a.id - b.id);
  }

  private scopeWeight(scope: TokenSource['scope']): number {
    return scope === 'self' ? this.settings.selfWeight : scope === 'open' ? this.settings.openFileWeight : 1;
  }

  private tally(tallies: Map<number, Tally>, evidence: TokenEvidence): void {
    const weight = evidence.matchLength ** this.settings.matchExponent * this.scopeWeight(evidence.source.scope);
    const id = evidence.source.tokens[evidence.position];
    const tally = tallies.get(id);
    if (!tally) {
      tallies.set(id, { weight, count: 1, best: evidence, bestWeight: weight });
      return;
    }
    tally.weight += weight;
    tally.count++;
    if (weight > tally.bestWeight) {
      tally.best = evidence;
      tally.bestWeight = weight;
    }
  }

  private scanLocal(local: LocalPositions, context: Int32Array, end: number, tallies: Map<number, Tally>): void {
    const { source } = local;
    for (const q of local.after(context[end - 1])) {
      const shared = sharedSuffixLength(source.tokens, q, context, end, this.settings.maxContext);
      if (shared >= this.settings.minContext) this.tally(tallies, { source, position: q, matchLength: shared });
    }
  }

  private scanIndex(index: ContinuationIndex, context: Int32Array, end: number, tallies: Map<number, Tally>): void {
    let known = 0;
    while (known < this.settings.maxContext && end - known > 0 && context[end - known - 1] >= 0) known++;
    const seen = new Set<number>();
    let found = 0;
    for (let level = TOKEN_LEVELS.length - 1; level >= 0; level--) {
      const length = TOKEN_LEVELS[level];
      if (length > known || length < this.settings.minContext) continue;
      for (const ref of index.lookupToken(level, contextHash(context, end, length), this.settings.maxPerLevel)) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const { file, position } = index.resolveToken(ref);
        if (file.path === this.excludePath) continue;
        const shared = sharedSuffixLength(file.tokens, position, context, end, this.settings.maxContext);
        if (shared < length) continue;
        let source = this.indexSources.get(file.id);
        if (!source) {
          source = { path: file.path, scope: 'index', tokens: file.tokens, lineStarts: file.lineStarts, lines: file.lines, firstLine: 0, end: file.tokens.length };
          this.indexSources.set(file.id, source);
        }
        this.tally(tallies, { source, position, matchLength: shared });
        found++;
      }
      if (found >= this.settings.minOccurrences) break;
    }
  }
}
