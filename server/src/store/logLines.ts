import { createReadStream } from 'node:fs';

/** One line of the log as raw bytes. */
export interface LogLine {
  /** Byte offset of the first byte of the line. */
  offset: number;
  /** Length in bytes, without the `\n`. */
  length: number;
  /** The bytes without the `\n`; undefined when the line is longer than `maxLineBytes` (it is skipped, not kept). */
  bytes: Buffer | undefined;
  /** False for a last line that has no `\n`: a write that did not finish. */
  terminated: boolean;
}

export interface LogLinesConfig {
  /** First byte to read. @default 0 */
  start: number;
  /** Read up to this byte offset (exclusive); `Infinity` reads to the end of the file. @default Infinity */
  end: number;
  /**
   * Longest line kept in memory, in bytes. Garbage without newlines must not make the reader hold the whole file.
   * Spans carry fields of up to 1 MB each, so a legitimate record stays well below this.
   * @default 64 MiB
   */
  maxLineBytes: number;
}

export const DEFAULT_LOG_LINES_CONFIG: LogLinesConfig = { start: 0, end: Infinity, maxLineBytes: 64 * 1024 * 1024 };

const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Streams the lines of a log file. Stores of 100k spans weigh 50–200 MB, so the file is read in 1 MiB chunks and
 * never turned into one string.
 */
export async function* readLogLines(path: string, config: Partial<LogLinesConfig> = {}): AsyncGenerator<LogLine> {
  const { start, end, maxLineBytes } = { ...DEFAULT_LOG_LINES_CONFIG, ...config };
  if (end <= start) return;
  const stream = createReadStream(path, {
    start,
    end: Number.isFinite(end) ? end - 1 : undefined,
    highWaterMark: READ_CHUNK_BYTES,
  });
  // Lines are handed out as views of the chunk; consumers decode them at once and keep nothing.
  let pieces: Buffer[] = [];
  let pending = 0;
  let lineStart = start;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, from)) {
      const length = pending + newline - from;
      const bytes = length > maxLineBytes ? undefined : joinPieces(pieces, chunk.subarray(from, newline));
      yield { offset: lineStart, length, bytes, terminated: true };
      lineStart += length + 1;
      pieces = [];
      pending = 0;
      from = newline + 1;
    }
    if (from < chunk.length) {
      pending += chunk.length - from;
      // Past the limit the bytes are only counted, so a huge torn or garbage line costs no memory.
      if (pending > maxLineBytes) pieces = [];
      else pieces.push(chunk.subarray(from));
    }
  }
  if (pending > 0) {
    const bytes = pending > maxLineBytes ? undefined : Buffer.concat(pieces);
    yield { offset: lineStart, length: pending, bytes, terminated: false };
  }
}

function joinPieces(pieces: Buffer[], last: Buffer): Buffer {
  return pieces.length === 0 ? last : Buffer.concat([...pieces, last]);
}
