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
/** One level deeper than the previous non-blank line (indentation-structured languages only, see `tokenStream`). */
export const INDENT_TOKEN = '\u0002indent';
export const INDENT_ID = 3;
/** One level shallower; a line that closes several levels starts with several. */
export const DEDENT_TOKEN = '\u0002dedent';
export const DEDENT_ID = 4;

/** Languages whose indentation is syntax: their streams carry INDENT/DEDENT so contexts see the block structure. */
export function indentationIsStructure(language: string): boolean {
  return language === 'python';
}

/** Tokens of one line (the line break is not included). */
export function lineTokens(line: string): string[] {
  return line.match(TOKEN) ?? [];
}

/** Where each token of a line starts and ends, in the order of `lineTokens`. */
export function lineTokenSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of line.matchAll(TOKEN)) spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  return spans;
}

/** Anything that maps a token to an id. */
export interface TokenIds {
  id(token: string): number;
}

/** Stands for any name in a shape stream (see `shapeStream`). */
export const NAME_ID = 2;
const NAME_TOKEN = '\u0002name';

/**
 * Words that are structure, not names, in the languages we index: they stay themselves in shape streams, so a shape
 * match still requires the same keywords.
 */
const KEYWORDS = new Set(
  ('abstract and as assert async await break case catch class const continue debugger def default defer del delete do elif ' +
    'else enum except export extends false final finally fn for from func function global go if impl implements import in ' +
    'instanceof interface is lambda let loop match mod mut new nil none None nonlocal not null of or package pass private ' +
    'protected pub public raise readonly return self Self static struct super switch this throw throws True true False try ' +
    'type typeof undefined union unsafe use var void where while with yield').split(' '),
);

/** Whether a token is a renameable name (an identifier that is not a keyword). */
export function isNameToken(token: string): boolean {
  return /^[A-Za-z_$\u00C0-\uFFFF]/.test(token) && !KEYWORDS.has(token);
}

/** Maps token strings to dense non-negative ids shared by every file of an index. */
export class TokenVocabulary implements TokenIds {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly names: boolean[] = [];

  constructor() {
    this.id(NEWLINE_TOKEN);
    this.id(START_TOKEN);
    this.id(NAME_TOKEN);
    this.id(INDENT_TOKEN);
    this.id(DEDENT_TOKEN);
  }

  /** The id of `token`, assigning a new one when unseen. */
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(token, id);
      this.strings.push(token);
      this.names.push(id > NAME_ID && isNameToken(token));
    }
    return id;
  }

  /** The token an id stands for. */
  token(id: number): string {
    return this.strings[id];
  }

  /** Whether the id is a renameable name. */
  isName(id: number): boolean {
    return this.names[id] === true;
  }

  /** The id of `token`, or -1 when it was never indexed. */
  lookup(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  get size(): number {
    return this.strings.length;
  }
}

/**
 * Token ids for one request: tokens the index knows keep their ids; unknown ones (a new local name) get negative ids
 * private to the request, so they still match each other inside the document but never anything in the index.
 */
export class QueryTokenIds implements TokenIds {
  private readonly local = new Map<string, number>();
  private readonly localStrings: string[] = [];

  constructor(readonly vocabulary: TokenVocabulary) {}

  id(token: string): number {
    const known = this.vocabulary.lookup(token);
    if (known >= 0) return known;
    let id = this.local.get(token);
    if (id === undefined) {
      id = -2 - this.local.size;
      this.local.set(token, id);
      this.localStrings.push(token);
    }
    return id;
  }

  token(id: number): string {
    return id >= 0 ? this.vocabulary.token(id) : this.localStrings[-2 - id];
  }

  isName(id: number): boolean {
    return id >= 0 ? this.vocabulary.isName(id) : isNameToken(this.localStrings[-2 - id]);
  }
}

/** The stream with every renameable name replaced by NAME_ID: code of the same shape matches whatever its names. */
export function shapeStream(tokens: Int32Array, isName: (id: number) => boolean): Int32Array {
  const shape = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) shape[i] = isName(tokens[i]) ? NAME_ID : tokens[i];
  return shape;
}

/** Whether an id is a structure token with no text (INDENT, DEDENT). */
export function isLayoutToken(id: number): boolean {
  return id === INDENT_ID || id === DEDENT_ID;
}

/** Tracks the indentation levels open before each line, as Python's tokenizer does. */
class IndentTracker {
  private readonly stack: number[] = [];

  /** INDENT/DEDENT ids a non-blank line with this leading whitespace opens with. */
  advance(line: string): number[] {
    const width = (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
    if (this.stack.length === 0) {
      // A stream that starts mid-document takes its first line's depth as the base.
      this.stack.push(width);
      return [];
    }
    const out: number[] = [];
    if (width > this.stack[this.stack.length - 1]) {
      this.stack.push(width);
      out.push(INDENT_ID);
    }
    while (this.stack.length > 1 && width < this.stack[this.stack.length - 1]) {
      this.stack.pop();
      out.push(DEDENT_ID);
    }
    return out;
  }
}

/**
 * Token ids of `lines` as one stream with NEWLINE after every line, and where each line starts in it. A stream that
 * begins a document starts with the START token. With `indentTokens`, a non-blank line starts with the INDENT or
 * DEDENT tokens of its depth change (after its line start, so a line's context ends at the previous NEWLINE and the
 * depth of the line is what the model predicts first).
 */
export function tokenStream(
  lines: readonly string[],
  ids: TokenIds,
  startsDocument = true,
  indentTokens = false,
): { tokens: Int32Array; lineStarts: Int32Array } {
  const stream: number[] = startsDocument ? [START_ID] : [];
  const lineStarts = new Int32Array(lines.length + 1);
  const indents = indentTokens ? new IndentTracker() : undefined;
  if (indents && startsDocument) indents.advance('');
  for (let i = 0; i < lines.length; i++) {
    lineStarts[i] = stream.length;
    const tokens = lineTokens(lines[i]);
    if (indents && tokens.length > 0 && tokens[0] !== '#') stream.push(...indents.advance(lines[i]));
    for (const token of tokens) stream.push(ids.id(token));
    stream.push(NEWLINE_ID);
  }
  lineStarts[lines.length] = stream.length;
  return { tokens: Int32Array.from(stream), lineStarts };
}
