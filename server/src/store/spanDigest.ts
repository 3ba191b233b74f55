import { createHash } from 'node:crypto';
import { canonicalJson, type Span } from '@arenalab/core';

/**
 * The canonical JSON of a span without its `id`: what the content hash covers. The id is left out so that the same
 * event imported twice under two ids is still recognised as a duplicate.
 */
export function canonicalSpanContent(span: Span): string {
  const { id: _id, ...content } = span;
  return canonicalJson(content);
}

/**
 * The span content hash: SHA-256 hex of `canonicalSpanContent`, the same definition as core's content hash. It is
 * computed here with node:crypto because core's pure-JS SHA-256 is several times slower and the store hashes every
 * span it ingests.
 */
export function spanDigest(span: Span): string {
  return sha256Hex(canonicalSpanContent(span));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
