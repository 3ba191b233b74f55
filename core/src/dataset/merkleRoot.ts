import { sha256Hex } from '../util/sha256';

/**
 * Merkle root over hex hashes, in the order given (datasets pass their span leaves sorted ascending, so the
 * root depends on the set of spans, not on file order). Leaves are the hashes themselves; a parent is
 * `sha256Hex(left + right)` over the two lowercase hex strings. An odd node at the end of a level is promoted
 * unchanged to the next level (not duplicated, so no two different leaf lists share a root that way).
 * The root of no leaves is `sha256Hex('')`; the root of one leaf is that leaf.
 */
export function merkleRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) return sha256Hex('');
  let level = hashes.map((hash) => hash.toLowerCase());
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256Hex(level[i] + level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0];
}

/**
 * A dataset's leaf for one span: `sha256Hex(id + ':' + contentHash)`. The content hash leaves the id out (so
 * duplicates under different ids match); binding the id here means renaming a span breaks the root too.
 */
export function datasetLeaf(id: string, contentHash: string): string {
  return sha256Hex(`${id}:${contentHash}`);
}

/** The dataset convention: the root over the spans' leaves sorted ascending (independent of span order). */
export function datasetMerkleRoot(spans: readonly { span: { id: string }; hash: string }[]): string {
  return merkleRoot(spans.map((entry) => datasetLeaf(entry.span.id, entry.hash)).sort());
}
