/**
 * How much of a request decides which tool it needs and the tool's arguments: its first 8 KiB characters. Tool
 * patterns are written to run in time linear in their input, and this bound caps the work of any pattern on any
 * request, however long, to a constant. A fenced program is the exception: it is found with plain string searches
 * over the whole request, so a long program still runs.
 */
export const MAX_ROUTED_CHARS = 8192;

/** The part of a request that tool patterns look at. */
export function routedText(request: string): string {
  return request.length <= MAX_ROUTED_CHARS ? request : request.slice(0, MAX_ROUTED_CHARS);
}

/**
 * `text` without any of `chars` at its end. A loop instead of `/[…]+$/`: such a pattern is retried at every position of
 * a long run of those characters that is not at the end, which is quadratic.
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** The whitespace characters `\s` matches, for `trimTrailing`. */
export const WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
