import { canonicalJson, sha256Hex } from '../util';
import type { HashedSpan, Span } from './span';

/**
 * SHA-256 hex of the canonical JSON of the span without its `id`: two spans with the same content
 * are duplicates whatever ids they were given, and key order in the source file does not matter.
 */
export function spanContentHash(span: Omit<Span, 'id'> & { id?: string }): string {
  const { id: _ignored, ...content } = span;
  return sha256Hex(canonicalJson(content));
}

/** The span paired with its content hash. */
export function hashSpan(span: Span): HashedSpan {
  return { span, hash: spanContentHash(span) };
}

/** Number of hex digits of the content hash kept in a derived span id (96 bits). */
export const DERIVED_ID_HEX_DIGITS = 24;

/** The deterministic id of a span that arrived without one: `sp_` + the first 24 hex digits of its content hash. */
export function derivedSpanId(span: Omit<Span, 'id'> & { id?: string }): string {
  return 'sp_' + spanContentHash(span).slice(0, DERIVED_ID_HEX_DIGITS);
}
