import { contextHash, sharedSuffixLength } from './contextHash';
import { CONTEXT_LEVELS } from './continuationIndex';
import type { ContinuationIndex } from './continuationIndex';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { previousNonBlank } from './occurrence';
import type { Occurrence } from './occurrence';

/** A request's context as token ids ending at `end` (the start of the cursor's line); -1 marks unknown tokens. */
export interface QueryContext {
  tokens: Int32Array;
  end: number;
}

/** Longest context length whose tokens are all known to the index (an unknown token can match nothing). */
function knownTail(query: QueryContext, max: number): number {
  let n = 0;
  while (n < max && query.end - n > 0 && query.tokens[query.end - n - 1] >= 0) n++;
  return n;
}

/**
 * Matches in the index, longest contexts first: each level's hash gives candidate line starts, each candidate is
 * verified token by token (hash collisions drop out) and measured exactly; shorter levels are tried only until enough
 * places were found, so the vote is dominated by the most specific evidence. `excludePath` keeps the request's own
 * (possibly stale) indexed copy out.
 */
export function findIndexOccurrences(
  index: ContinuationIndex,
  query: QueryContext,
  excludePath: string,
  config: CompletionEngineConfig,
): Occurrence[] {
  const tail = knownTail(query, config.maxContext);
  const seen = new Set<number>();
  const found: Occurrence[] = [];
  for (let level = CONTEXT_LEVELS.length - 1; level >= 0; level--) {
    const length = CONTEXT_LEVELS[level];
    // Contexts shorter than minContext are a last resort, used only when nothing longer matched at all.
    if (length > tail || (length < config.minContext && found.length > 0)) continue;
    for (const ref of index.lookup(level, contextHash(query.tokens, query.end, length), config.maxPerLevel)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const { file, line } = index.resolve(ref);
      if (file.path === excludePath) continue;
      const shared = sharedSuffixLength(file.tokens, file.lineStarts[line], query.tokens, query.end, config.maxContext);
      if (shared < length) continue;
      found.push({ line: file.lines[line], previousLine: previousNonBlank(file.lines, line), matchLength: shared, source: 'index', file: file.path, lineNumber: line, sourceLines: file.lines, sourceIndex: line });
    }
    if (found.length >= config.minOccurrences) break;
  }
  return found;
}

/**
 * Matches inside a document given as its own token stream (the request's prefix, its suffix, an open file): every line
 * start whose preceding tokens share at least `minContext` tokens with the query. Linear in the lines scanned, and most
 * comparisons stop at the first token.
 */
export function findStreamOccurrences(
  stream: { tokens: Int32Array; lineStarts: Int32Array; lines: readonly string[]; firstLine: number },
  query: QueryContext,
  source: Occurrence['source'],
  file: string,
  config: CompletionEngineConfig,
): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 1; i < stream.lines.length; i++) {
    const start = stream.lineStarts[i];
    if (source === 'self' && start >= query.end && stream.tokens === query.tokens) break;
    const shared = sharedSuffixLength(stream.tokens, start, query.tokens, query.end, config.maxContext);
    if (shared < config.minContext) continue;
    found.push({ line: stream.lines[i], previousLine: previousNonBlank(stream.lines, i), matchLength: shared, source, file, lineNumber: stream.firstLine + i, sourceLines: stream.lines, sourceIndex: i });
  }
  return found;
}
