/**
 * Code tokens for context matching: identifiers and keywords, numbers, whole string literals, and single
 * punctuation characters. Whitespace and indentation are not tokens, so the same code at a different indentation
 * matches. Every line ends with the NEWLINE token, so contexts that span lines match line structure too.
 */
const TOKEN = /[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\\n]|\\.)*`?|\S/g;

/** Marks the end of a line in a token stream. */
export const NEWLINE_TOKEN = '\n';
export const NEWLINE_ID = 0;
/** Marks the start of a document, so its first line has a context too ("what files start with"). */
export const START_TOKEN = '\u0002start';
export const START_ID = 1;

/** Tokens of one line (the line break is not included). */
export function lineTokens(line: string): string[] {
  return line.match(TOKEN) ?? [];
}

/** Anything that maps a token to an id. */
export interface TokenIds {
  id(token: string): number;
}

/** Maps token strings to dense non-negative ids shared by every file of an index. */
export class TokenVocabulary implements TokenIds {
  private readonly ids = new Map<string, number>();
  private count = 0;

  constructor() {
    this.id(NEWLINE_TOKEN);
    this.id(START_TOKEN);
  }

  /** The id of `token`, assigning a new one when unseen. */
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.count++;
      this.ids.set(token, id);
    }
    return id;
  }

  /** The id of `token`, or -1 when it was never indexed. */
  lookup(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  get size(): number {
    return this.count;
  }
}

/**
 * Token ids for one request: tokens the index knows keep their ids; unknown ones (a new local name) get negative ids
 * private to the request, so they still match each other inside the document but never anything in the index.
 */
export class QueryTokenIds implements TokenIds {
  private readonly local = new Map<string, number>();

  constructor(private readonly vocabulary: TokenVocabulary) {}

  id(token: string): number {
    const known = this.vocabulary.lookup(token);
    if (known >= 0) return known;
    let id = this.local.get(token);
    if (id === undefined) {
      id = -2 - this.local.size;
      this.local.set(token, id);
    }
    return id;
  }
}

/**
 * Token ids of `lines` as one stream with NEWLINE after every line, and where each line starts in it. A stream that
 * begins a document starts with the START token.
 */
export function tokenStream(lines: readonly string[], ids: TokenIds, startsDocument = true): { tokens: Int32Array; lineStarts: Int32Array } {
  const stream: number[] = startsDocument ? [START_ID] : [];
  const lineStarts = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) {
    lineStarts[i] = stream.length;
    for (const token of lineTokens(lines[i])) stream.push(ids.id(token));
    stream.push(NEWLINE_ID);
  }
  lineStarts[lines.length] = stream.length;
  return { tokens: Int32Array.from(stream), lineStarts };
}
