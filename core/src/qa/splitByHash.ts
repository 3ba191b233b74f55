import { sha256Hex } from '../util/sha256';
import type { McItem } from './qaItem';

/**
 * A deterministic memory/test split for a benchmark that ships one file (TruthfulQA has no dev split): items are
 * ordered by the hash of `seed:question` and the first `memoryShare` of them become memory. The same file, share
 * and seed always give the same split, whatever the row order.
 */
export function splitByHash(items: readonly McItem[], memoryShare: number, seed: number): { memory: McItem[]; test: McItem[] } {
  const keyed = items.map((item) => ({ item, key: sha256Hex(`${seed}:${item.question}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const cut = Math.round(keyed.length * memoryShare);
  return { memory: keyed.slice(0, cut).map((k) => k.item), test: keyed.slice(cut).map((k) => k.item) };
}
