/**
 * The domain of a code file in the uncertainty map and the training loop: its language and its folder cut to
 * `depth` segments (`typescript core/src/learning`). Language alone is too coarse to act on (a whole repository is
 * one language); the full folder too fine to measure (a few cases each).
 */
export function codeAreaDomain(language: string, file: string, depth: number): string {
  if (!Number.isInteger(depth) || depth < 0) throw new RangeError(`depth must be a non-negative integer, got ${depth}`);
  const folders = file.split('/').slice(0, -1).slice(0, depth);
  return `${language} ${folders.length === 0 ? '.' : folders.join('/')}`;
}
