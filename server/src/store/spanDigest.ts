import { canonicalJson, type Span } from '@arenalab/core';
import { nodeSha256Hex } from './nodeSha256';

/**
 * The canonical JSON of a span without its `id`: what the content hash covers. The id is left out so that the same
 * event imported twice under two ids is still recognised as a duplicate.
 */
export function canonicalSpanContent(span: Span): string {
  const { id: _id, ...content } = span;
  return canonicalJson(content);
}

/** The span content hash: SHA-256 hex of `canonicalSpanContent`, the same definition as core's content hash. */
export function spanDigest(span: Span): string {
  return nodeSha256Hex(canonicalSpanContent(span));
}
