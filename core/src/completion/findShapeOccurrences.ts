import { contextHash, sharedSuffixLength } from './contextHash';
import { SHAPE_LEVELS } from './continuationIndex';
import type { ContinuationIndex } from './continuationIndex';
import type { CompletionEngineConfig } from './completionEngineConfig';
import { previousNonBlank } from './occurrence';
import type { Occurrence } from './occurrence';
import type { QueryTokenIds } from './tokenStream';

/** The request's context as tokens and as shape (names replaced), with the ids that can name both. */
export interface ShapeQuery {
  tokens: Int32Array;
  shape: Int32Array;
  end: number;
  ids: QueryTokenIds;
}

/**
 * The renaming that turns the source's context into the request's over their last `length` tokens (same shape, so
 * they differ only in names): source name → request name. Undefined when one source name would need two different
 * request names (or two source names one request name): then the places are not the same code with other names.
 */
export function renameMap(
  source: Int32Array,
  sourceEnd: number,
  sourceToken: (id: number) => string,
  query: ShapeQuery,
  length: number,
): Map<string, string> | undefined {
  const renames = new Map<string, string>();
  const targets = new Map<string, string>();
  for (let j = 1; j <= length; j++) {
    const from = source[sourceEnd - j];
    const to = query.tokens[query.end - j];
    if (from === to) continue;
    const a = sourceToken(from);
    const b = query.ids.token(to);
    if ((renames.get(a) ?? b) !== b || (targets.get(b) ?? a) !== a) return undefined;
    renames.set(a, b);
    targets.set(b, a);
  }
  return renames;
}

/**
 * The line with every renamed name replaced (whole words only). Member names after a `.` are left alone: in
 * `json.load(handle)` the `load` is the module's, even when the function being written was also called `load`.
 */
export function adaptLine(line: string, renames: ReadonlyMap<string, string>): string {
  return line.replace(/[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*/g, (word, offset: number) =>
    line[offset - 1] === '.' ? word : (renames.get(word) ?? word),
  );
}

/** A shape match counts as this much shared context: all of the exact part plus a share of the renamed part. */
function effectiveLength(exact: number, shape: number, config: CompletionEngineConfig): number {
  return exact + config.renamedContextCredit * (shape - exact);
}

/**
 * Places in the index whose context has the request's shape but other names, longest shapes first; each continuation
 * is adapted to the request's names. Only places where renaming adds at least two tokens of context are kept; the
 * exact matcher already has the rest.
 */
export function findShapeIndexOccurrences(index: ContinuationIndex, query: ShapeQuery, excludePath: string, config: CompletionEngineConfig): Occurrence[] {
  const seen = new Set<number>();
  const found: Occurrence[] = [];
  const tokenOf = (id: number) => index.vocabulary.token(id);
  for (let level = SHAPE_LEVELS.length - 1; level >= 0 && found.length < config.minOccurrences; level--) {
    const length = SHAPE_LEVELS[level];
    if (length > query.end) continue;
    for (const ref of index.lookupShape(level, contextHash(query.shape, query.end, length), config.maxPerLevel)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const { file, line } = index.resolve(ref);
      if (file.path === excludePath) continue;
      const start = file.lineStarts[line];
      const shape = sharedSuffixLength(file.shape, start, query.shape, query.end, config.maxContext);
      const exact = sharedSuffixLength(file.tokens, start, query.tokens, query.end, config.maxContext);
      if (shape < length || shape - exact < 2) continue;
      const renames = renameMap(file.tokens, start, tokenOf, query, shape);
      if (!renames || renames.size === 0) continue;
      found.push({
        line: adaptLine(file.lines[line], renames),
        previousLine: previousNonBlank(file.lines, line),
        matchLength: effectiveLength(exact, shape, config),
        source: 'index',
        file: file.path,
        lineNumber: line,
        adapted: true,
        sourceLines: file.lines,
        sourceIndex: line,
        renames,
      });
    }
  }
  return found;
}

/** The same inside a document given as a token stream (the request's own prefix): same code, other local names. */
export function findShapeStreamOccurrences(
  stream: { tokens: Int32Array; shape: Int32Array; lineStarts: Int32Array; lines: readonly string[]; firstLine: number },
  query: ShapeQuery,
  file: string,
  config: CompletionEngineConfig,
): Occurrence[] {
  const found: Occurrence[] = [];
  const minimum = SHAPE_LEVELS[0];
  for (let i = 1; i < stream.lines.length; i++) {
    const start = stream.lineStarts[i];
    const shape = sharedSuffixLength(stream.shape, start, query.shape, query.end, config.maxContext);
    if (shape < minimum) continue;
    const exact = sharedSuffixLength(stream.tokens, start, query.tokens, query.end, config.maxContext);
    if (shape - exact < 2) continue;
    const renames = renameMap(stream.tokens, start, (id) => query.ids.token(id), query, shape);
    if (!renames || renames.size === 0) continue;
    found.push({
      line: adaptLine(stream.lines[i], renames),
      previousLine: previousNonBlank(stream.lines, i),
      matchLength: effectiveLength(exact, shape, config),
      source: 'self',
      file,
      lineNumber: stream.firstLine + i,
      adapted: true,
      sourceLines: stream.lines,
      sourceIndex: i,
      renames,
    });
  }
  return found;
}
