import type { BenchSourceFile } from './nextLineCases';
import { identifierTokens } from './identifierTokens';

export interface JaccardCopyConfig {
  /**
   * Non-blank lines per window: the query is the last `windowLines` non-blank lines of the prefix.
   * @default 3
   */
  windowLines: number;
}

export const DEFAULT_JACCARD_COPY_CONFIG: Readonly<JaccardCopyConfig> = { windowLines: 3 };

/** What jaccard-copy predicts: the line after the most similar window, with where it came from. */
export interface JaccardCopyPrediction {
  /** The predicted line as written in its source (indentation included); '' when nothing matched. */
  text: string;
  /** Jaccard similarity of the query window and the matched window, 0–1. */
  similarity: number;
  source?: { file: string; line: number };
}

/** A growable Int32Array: windows and their token ids stay compact on corpora with a million windows. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

const NO_PREDICTION: JaccardCopyPrediction = { text: '', similarity: 0 };

/**
 * The jaccard-copy baseline (copy the line after the most similar window seen: what the engine must beat) over an inverted index. Every window of `windowLines` consecutive
 * non-blank lines is stored once with its sorted token-id set and the next non-blank line. A query visits the
 * posting lists of its tokens from the rarest to the most common and stops as soon as no window it has not seen can
 * reach the best Jaccard so far: a window sharing none of the first i query tokens has Jaccard ≤ (known − i) / |query|.
 * The answer is exact, and common tokens (`self`, `return`) are usually never scanned.
 *
 * Tie-breaking (deterministic, independent of scan order): highest Jaccard; then a window of the query's own file
 * (its prefix) before other files; within the own file the latest window (nearest the cursor), across other files
 * the earliest added file and line. Windows of the query's own file count only when the line they predict lies
 * before the target line, so the target and the suffix are never used.
 */
export class JaccardCopyIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly fileIds = new Map<string, number>();
  private readonly filePaths: string[] = [];
  private readonly fileLines: string[][] = [];
  private readonly windowFile = new IntBuffer();
  private readonly windowNext = new IntBuffer();
  private readonly tokenStart = new IntBuffer();
  private readonly tokens = new IntBuffer();
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private idStamps = new Uint32Array(0);
  private idStamp = 0;

  constructor(private readonly config: JaccardCopyConfig = DEFAULT_JACCARD_COPY_CONFIG) {
    if (!Number.isInteger(config.windowLines) || config.windowLines < 1) throw new TypeError(`windowLines must be a positive integer, got ${config.windowLines}`);
    this.tokenStart.push(0);
  }

  get windows(): number {
    return this.windowFile.length;
  }

  /** Indexes every window of a file. Each path may be added once. */
  addFile(file: BenchSourceFile): void {
    if (this.fileIds.has(file.path)) throw new TypeError(`file already indexed: ${file.path}`);
    const fileId = this.fileLines.length;
    const lines = file.text.split('\n');
    this.fileIds.set(file.path, fileId);
    this.filePaths.push(file.path);
    this.fileLines.push(lines);
    const nonBlank = lines.flatMap((line, i) => (line.trim() === '' ? [] : [i]));
    const lineIds = nonBlank.map((i) => identifierTokens(lines[i]).map((token) => this.idOf(token)));
    const size = this.config.windowLines;
    for (let k = size - 1; k + 1 < nonBlank.length; k++) {
      const ids = this.windowIds(lineIds, k - size + 1, k + 1);
      const window = this.windowFile.length;
      this.windowFile.push(fileId);
      this.windowNext.push(nonBlank[k + 1]);
      for (const id of ids) {
        this.tokens.push(id);
        this.postings[id].push(window);
      }
      this.tokenStart.push(this.tokens.length);
    }
  }

  /** Predicts the line at 0-based `line` of `file` from the text before it. */
  predict(file: string, line: number, prefix: string): JaccardCopyPrediction {
    const queryTokens = identifierTokens(lastNonBlankLines(prefix, this.config.windowLines).join('\n'));
    const size = queryTokens.length;
    const known = queryTokens.map((t) => this.vocabulary.get(t)).filter((id): id is number => id !== undefined);
    if (known.length === 0) return NO_PREDICTION;
    const sortedIds = Int32Array.from(known).sort();
    const rareFirst = known.slice().sort((a, b) => this.postings[a].length - this.postings[b].length || a - b);
    const ownFile = this.fileIds.get(file) ?? -1;
    const best = { window: -1, inter: 0, union: 1 };
    const stamp = this.nextStamp();
    for (let i = 0; i < rareFirst.length; i++) {
      // Unseen windows share at most known.length − i query tokens; stop when even that cannot tie the best.
      if ((known.length - i) * best.union < best.inter * size) break;
      for (const window of this.postings[rareFirst[i]]) {
        if (this.stamps[window] === stamp) continue;
        this.stamps[window] = stamp;
        const fileId = this.windowFile.data[window];
        if (fileId === ownFile && this.windowNext.data[window] >= line) continue;
        const windowSize = this.tokenStart.data[window + 1] - this.tokenStart.data[window];
        if (Math.min(size, windowSize) * best.union < best.inter * Math.max(size, windowSize)) continue;
        const inter = this.intersection(sortedIds, window);
        const union = size + windowSize - inter;
        if (this.beats(window, inter, union, best, ownFile)) Object.assign(best, { window, inter, union });
      }
    }
    if (best.window < 0 || best.inter === 0) return NO_PREDICTION;
    const fileId = this.windowFile.data[best.window];
    const next = this.windowNext.data[best.window];
    return { text: this.fileLines[fileId][next], similarity: best.inter / best.union, source: { file: this.filePaths[fileId], line: next } };
  }

  private beats(window: number, inter: number, union: number, best: { window: number; inter: number; union: number }, ownFile: number): boolean {
    const lhs = inter * best.union;
    const rhs = best.inter * union;
    if (lhs !== rhs || best.window < 0) return lhs > rhs || best.window < 0;
    const own = this.windowFile.data[window] === ownFile;
    const bestOwn = this.windowFile.data[best.window] === ownFile;
    if (own !== bestOwn) return own;
    return own ? window > best.window : window < best.window;
  }

  /** The sorted distinct token ids of lines [from, to), deduplicated with a stamp per id instead of a Set. */
  private windowIds(lineIds: readonly number[][], from: number, to: number): Int32Array {
    if (this.idStamps.length < this.postings.length) this.idStamps = new Uint32Array(this.postings.length * 2);
    this.idStamp = (this.idStamp + 1) >>> 0;
    if (this.idStamp === 0) {
      this.idStamps.fill(0);
      this.idStamp = 1;
    }
    const ids: number[] = [];
    for (let line = from; line < to; line++) {
      for (const id of lineIds[line]) {
        if (this.idStamps[id] === this.idStamp) continue;
        this.idStamps[id] = this.idStamp;
        ids.push(id);
      }
    }
    return Int32Array.from(ids).sort();
  }

  private intersection(sortedIds: Int32Array, window: number): number {
    let count = 0;
    let i = 0;
    let j = this.tokenStart.data[window];
    const end = this.tokenStart.data[window + 1];
    while (i < sortedIds.length && j < end) {
      const a = sortedIds[i];
      const b = this.tokens.data[j];
      if (a === b) count++;
      if (a <= b) i++;
      if (b <= a) j++;
    }
    return count;
  }

  private idOf(token: string): number {
    let id = this.vocabulary.get(token);
    if (id === undefined) {
      id = this.postings.length;
      this.vocabulary.set(token, id);
      this.postings.push([]);
    }
    return id;
  }

  private nextStamp(): number {
    if (this.stamps.length < this.windows) this.stamps = new Uint32Array(Math.max(this.windows, this.stamps.length * 2));
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** The last `count` non-blank lines of a text, oldest first, found by walking back from the end. */
export function lastNonBlankLines(text: string, count: number): string[] {
  const found: string[] = [];
  let end = text.length;
  while (end > 0 && found.length < count) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') found.unshift(line);
    end = start - 1;
  }
  return found;
}
