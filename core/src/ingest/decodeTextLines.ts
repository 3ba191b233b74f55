import type { RecordProblem } from '../spans/recordProblem';

/** How many leading bytes are searched for a NUL byte to call a file binary (git uses the same 8 KB). */
export const BINARY_SNIFF_BYTES = 8192;

export interface TextLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export interface DecodedLines {
  lines: TextLine[];
  problems: RecordProblem[];
}

/** True when a NUL byte occurs among the first {@link BINARY_SNIFF_BYTES} bytes: no text format uses one. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Length of a leading UTF-8 byte-order mark (3) or 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function pushLine(out: TextLine[], line: number, text: string): void {
  const trimmedEnd = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (trimmedEnd.trim() !== '') out.push({ line, text: trimmedEnd });
}

function splitText(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  let line = 1;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    pushLine(lines, line++, text.slice(start, end));
    start = end + 1;
  }
  pushLine(lines, line, text.slice(start));
  return lines;
}

/** The slow path for files with invalid UTF-8: decode line by line so only the bad lines are lost. */
function decodeLineByLine(bytes: Uint8Array, from: number, file: string): DecodedLines {
  const result: DecodedLines = { lines: [], problems: [] };
  let start = from;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      pushLine(result.lines, line, fatalDecoder.decode(bytes.subarray(start, end)));
    } catch {
      result.problems.push({ file, line, field: '-', message: 'invalid UTF-8, line skipped' });
    }
    start = end + 1;
    line++;
  }
  return result;
}

/**
 * Splits a text file into its non-blank lines. Binary input (a NUL byte early on) gives a single
 * whole-file problem. A UTF-8 BOM is dropped, CRLF endings and a missing final newline are
 * accepted, and a line with invalid UTF-8 is reported and skipped without losing the others.
 * Never throws.
 */
export function decodeTextLines(bytes: Uint8Array, file: string): DecodedLines {
  if (looksBinary(bytes)) return { lines: [], problems: [{ file, line: 0, field: '-', message: 'binary file, skipped' }] };
  const from = bomLength(bytes);
  try {
    // Fast path: the whole file is valid UTF-8, which is the common case.
    return { lines: splitText(fatalDecoder.decode(bytes.subarray(from))), problems: [] };
  } catch {
    return decodeLineByLine(bytes, from, file);
  }
}
