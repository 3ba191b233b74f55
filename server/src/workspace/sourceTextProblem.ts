import { looksBinary } from '@arenalab/core';

export interface SourceTextLimits {
  /** Longest allowed line; a longer one marks a minified or generated file. */
  maxLineLength: number;
  /** Lines at the top of a file searched for a generated-code marker. */
  generatedHeaderLines: number;
  /** Markers of generated code (`@generated`, `DO NOT EDIT`, …) looked for in the header lines. */
  generatedMarkers: readonly RegExp[];
}

/** Why a file's content is not worth indexing: binary, minified (a line too long) or generated; undefined when it is. */
export function sourceTextProblem(bytes: Uint8Array, text: string, limits: SourceTextLimits): string | undefined {
  if (looksBinary(bytes)) return 'binary';
  let start = 0;
  for (let line = 0; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > limits.maxLineLength) return `line ${line + 1} longer than ${limits.maxLineLength} characters (minified?)`;
    if (line < limits.generatedHeaderLines) {
      const header = text.slice(start, stop);
      if (limits.generatedMarkers.some((marker) => marker.test(header))) return 'generated';
    }
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}
