/** A place whose preceding tokens match the request's context, and the line that followed it there. */
export interface Occurrence {
  /** The continuation line as written there (with its indentation). */
  line: string;
  /** The non-blank line before it there, for relative indentation. */
  previousLine: string;
  /** Shared context length, in tokens. */
  matchLength: number;
  source: 'index' | 'self' | 'open';
  file: string;
  /** 0-based line of the continuation in `file`. */
  lineNumber: number;
  /** True when the context matched only after renaming, and `line` was adapted to the request's names. */
  adapted?: boolean;
  /** The lines of the place's text (its file, the document's prefix or suffix, an open file): what followed it there. */
  sourceLines?: readonly string[];
  /** Index of `line` in `sourceLines`. */
  sourceIndex?: number;
  /** The renaming that adapted `line` (source name → request name), applied to the lines after it as well. */
  renames?: ReadonlyMap<string, string>;
  /** Trajectory weight learned from outcomes of suggestions taken from this place (TrajectoryWeights); 1 when unknown. */
  learnedWeight?: number;
}

/** The nearest non-blank line before `index` in `lines`, or ''. */
export function previousNonBlank(lines: readonly string[], index: number): string {
  for (let i = index - 1; i >= 0; i--) if (lines[i].trim() !== '') return lines[i];
  return '';
}
