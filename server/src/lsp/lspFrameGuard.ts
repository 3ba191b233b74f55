import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Longest header block accepted; real clients send one or two short lines. */
export const MAX_HEADER_BYTES = 8192;
/** Largest message body accepted (Content-Length); far above any document an editor sends. */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;

// Header names are HTTP tokens.
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const CR = 13;
const LF = 10;
const COLON = 58;

/** The client's byte stream is not LSP framing; the connection cannot find the next message again. */
export class MalformedFrameError extends Error {
  readonly code = 'lsp_malformed_frame';
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFrameError';
  }
}

const excerpt = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The body length a complete header block announces. */
function contentLength(lines: readonly string[]): number {
  let length: number | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) throw new MalformedFrameError(`Content-Length ${excerpt(value)} is not a whole number of bytes`);
    const parsed = Number(value);
    if (parsed > MAX_CONTENT_LENGTH) throw new MalformedFrameError(`Content-Length ${value} is larger than the ${MAX_CONTENT_LENGTH}-byte limit`);
    if (length !== undefined && length !== parsed) throw new MalformedFrameError(`two different Content-Length headers (${length} and ${parsed})`);
    length = parsed;
  }
  if (length === undefined) throw new MalformedFrameError(`a message header without Content-Length: ${excerpt(lines.join('; '))}`);
  return length;
}

/**
 * Checks the LSP framing of the client's byte stream as it passes through to the JSON-RPC reader, unchanged. That
 * reader, on a header it cannot use (`Content-Length: abc`, LF-only lines, the tail of a body whose length was
 * announced too short), reports an error nobody handles and keeps waiting for a header end that never comes: the
 * server would live on deaf. Here a broken header is found at once (header lines end in CRLF, names are tokens, a
 * Content-Length is a whole number, a header block ends within MAX_HEADER_BYTES) and reported to `onMalformed`,
 * and nothing more is passed on. Bodies are only counted, never copied or parsed: a well-framed body that is not
 * JSON is the reader's to report, and the stream is still in step after it.
 */
export class LspFrameGuard extends Transform {
  /** The header line being read, its CR not included. */
  private line = '';
  private lines: string[] = [];
  private headerBytes = 0;
  private sawCr = false;
  private bodyLeft = 0;
  private failed = false;

  constructor(private readonly onMalformed: (error: MalformedFrameError) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.failed) return callback();
    try {
      this.check(chunk);
    } catch (error) {
      if (!(error instanceof MalformedFrameError)) return callback(error as Error);
      this.failed = true;
      callback();
      this.onMalformed(error);
      return;
    }
    callback(null, chunk);
  }

  private check(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= taken;
        at += taken;
      } else {
        this.headerByte(chunk[at]);
        at += 1;
      }
    }
  }

  private headerByte(byte: number): void {
    if (++this.headerBytes > MAX_HEADER_BYTES) throw new MalformedFrameError(`no end of the message header within ${MAX_HEADER_BYTES} bytes: ${excerpt(this.line)}`);
    if (this.sawCr) {
      if (byte !== LF) throw new MalformedFrameError(`a CR in the header is not followed by LF: ${excerpt(this.line)}`);
      this.sawCr = false;
      this.endLine();
    } else if (byte === CR) {
      this.sawCr = true;
    } else if (byte === LF) {
      throw new MalformedFrameError(`a header line ends in LF without CR: ${excerpt(this.line)}`);
    } else {
      const char = String.fromCharCode(byte);
      if (byte !== COLON && !this.line.includes(':') && !TOKEN_CHAR.test(char)) throw new MalformedFrameError(`${excerpt(this.line + char)} does not start a header line (Name: value)`);
      this.line += char;
    }
  }

  /** A header line, or the blank line that ends the header block. */
  private endLine(): void {
    const line = this.line;
    this.line = '';
    if (line !== '') {
      if (!line.includes(':')) throw new MalformedFrameError(`the header line ${excerpt(line)} has no colon`);
      this.lines.push(line);
      return;
    }
    if (this.lines.length === 0) throw new MalformedFrameError('a message header that is empty');
    this.bodyLeft = contentLength(this.lines);
    this.lines = [];
    this.headerBytes = 0;
  }
}
