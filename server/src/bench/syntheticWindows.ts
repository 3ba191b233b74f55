import { seededRandom } from '@arenalab/core';
import type { Random } from '@arenalab/core';

/** Shape of the synthetic code windows behind `arenalab bench scale`. */
export interface SyntheticWindowsConfig {
  /** RNG seed: same seed, same windows. @default 1 */
  seed: number;
  /** Topics (think: modules), each with its own identifiers. @default 200 */
  topics: number;
  /** Identifiers per topic. @default 400 */
  topicVocabulary: number;
  /** Tokens per window. @default 40 */
  tokensPerWindow: number;
  /** Share of a window's tokens drawn from its topic's identifiers; the rest are shared keywords and punctuation. @default 0.45 */
  topicShare: number;
  /** Consecutive windows per file; a file has one topic. @default 50 */
  windowsPerFile: number;
  /** Zipf exponent of both vocabularies (a few tokens are everywhere, most are rare, as in code). @default 1.1 */
  zipfExponent: number;
}

export const DEFAULT_SYNTHETIC_WINDOWS_CONFIG: Readonly<SyntheticWindowsConfig> = {
  seed: 1,
  topics: 200,
  topicVocabulary: 400,
  tokensPerWindow: 40,
  topicShare: 0.45,
  windowsPerFile: 50,
  zipfExponent: 1.1,
};

export interface SyntheticWindow {
  id: string;
  file: string;
  topic: number;
  tokens: string[];
}

const KEYWORDS = (
  '( ) { } ; . , = => : const return if let this function import export from new await async else for of in ' +
  'true false null undefined throw try catch class extends interface type string number boolean void typeof ' +
  '=== !== < > + - * / && || ! ? [ ] value result data error options config index item list map key name id ' +
  'length push get set has then resolve reject callback args self i j x n s'
).split(' ');
const SYLLABLES = 'ab ac ad al an ar as at be ca ce co da de di el en er es fa fi fo ga ge go ha he in io ka la le li lo ma me mi mo na ne no or pa pe po ra re ri ro sa se si so ta te ti to un ur va ve vi wa xe yo za'.split(' ');

/** Mixes seed and index into one 32-bit seed (murmur3 finaliser), so window i can be regenerated alone. */
function mix(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Cumulative Zipf weights 1/rank^s, normalised to end at 1. */
function zipfCdf(size: number, exponent: number): Float64Array {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cdf[r] = sum += 1 / (r + 1) ** exponent;
  return cdf.map((x) => x / sum);
}

function sample(cdf: Float64Array, random: Random): number {
  const u = random.next();
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cdf[mid] < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

function identifier(random: Random): string {
  const part = () => SYLLABLES[Math.floor(random.next() * SYLLABLES.length)];
  const word = part() + part() + (random.next() < 0.5 ? part() : '');
  const second = part() + part();
  return random.next() < 0.6 ? word + second[0].toUpperCase() + second.slice(1) : word;
}

/**
 * Clustered, code-like token windows generated lazily: only the vocabularies are held in memory (topics ×
 * identifiers strings), and window i is regenerated from (seed, i) on demand, so a million windows cost nothing
 * until indexed. Windows of one file share its topic; a query drawn from a held-out window of topic t should
 * retrieve windows of topic t (the "planted" answer the benchmark checks).
 */
export class SyntheticWindows {
  readonly config: SyntheticWindowsConfig;
  private readonly vocabularies: string[][];
  private readonly topicCdf: Float64Array;
  private readonly keywordCdf: Float64Array;

  constructor(config: Partial<SyntheticWindowsConfig> = {}) {
    this.config = { ...DEFAULT_SYNTHETIC_WINDOWS_CONFIG, ...config };
    const random = seededRandom(mix(this.config.seed, -1));
    this.vocabularies = Array.from({ length: this.config.topics }, () => Array.from({ length: this.config.topicVocabulary }, () => identifier(random)));
    this.topicCdf = zipfCdf(this.config.topicVocabulary, this.config.zipfExponent);
    this.keywordCdf = zipfCdf(KEYWORDS.length, this.config.zipfExponent);
  }

  fileOf(i: number): number {
    return Math.floor(i / this.config.windowsPerFile);
  }

  topicOfFile(file: number): number {
    return mix(this.config.seed ^ 0x5bd1e995, file) % this.config.topics;
  }

  /** The topic of window `w<i>` from its id alone. */
  topicOfId(id: string): number {
    return this.topicOfFile(this.fileOf(Number(id.slice(1))));
  }

  window(i: number): SyntheticWindow {
    const file = this.fileOf(i);
    const topic = this.topicOfFile(file);
    return { id: `w${i}`, file: `f${file}`, topic, tokens: this.tokens(topic, seededRandom(mix(this.config.seed, i))) };
  }

  /**
   * Query q for an index of the first `indexed` windows: new tokens (never indexed) on the topic of one of the
   * indexed files, so its planted topic is always present however small the index.
   */
  heldOut(q: number, indexed: number): SyntheticWindow {
    const files = Math.max(1, Math.ceil(indexed / this.config.windowsPerFile));
    const file = mix(this.config.seed ^ 0x2545f491, q) % files;
    const topic = this.topicOfFile(file);
    return { id: `q${q}`, file: `f${file}`, topic, tokens: this.tokens(topic, seededRandom(mix(this.config.seed ^ 0x68e31da4, q))) };
  }

  private tokens(topic: number, random: Random): string[] {
    const vocabulary = this.vocabularies[topic];
    const tokens = new Array<string>(this.config.tokensPerWindow);
    for (let t = 0; t < tokens.length; t++) {
      tokens[t] = random.next() < this.config.topicShare ? vocabulary[sample(this.topicCdf, random)] : KEYWORDS[sample(this.keywordCdf, random)];
    }
    return tokens;
  }
}
