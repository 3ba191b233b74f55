import { looksBinary } from '@arenalab/core';

/** Characters looked at for NUL bytes; the same window the workspace lister sniffs in files. */
const SNIFF_CHARS = 8192;

/**
 * Why a text is too big to index or complete in (over `maxBytes` UTF-8 bytes), or undefined when it is not. The
 * answer is the same words for every over-size text, so a change of size alone is not reported again.
 */
export function documentSizeProblem(text: string, maxBytes: number): string | undefined {
  // UTF-16 length is a lower bound of the UTF-8 size, so the exact count runs only near the limit.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    return `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
  }
  return undefined;
}

/**
 * Why an open document is not worth indexing or completing in: too big, or binary (a NUL among its first
 * characters); undefined when it is fine. Invalid UTF-8 arrives already decoded (as U+FFFD) and is harmless text.
 */
export function documentProblem(text: string, maxBytes: number): string | undefined {
  const tooBig = documentSizeProblem(text, maxBytes);
  if (tooBig !== undefined) return tooBig;
  if (looksBinary(Buffer.from(text.slice(0, SNIFF_CHARS), 'utf8'))) return 'binary (contains NUL characters)';
  return undefined;
}
