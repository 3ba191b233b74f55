/** Tokens of a calculator expression. `pos` is the 0-based character offset, for error messages. */
export type CalcToken =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

/** A calculator expression that cannot be read or computed, with where the problem is. */
export class CalculatorError extends Error {
  readonly code = 'bad_expression' as const;

  constructor(message: string, readonly pos?: number) {
    super(pos === undefined ? message : `${message} at character ${pos + 1}`);
    this.name = 'CalculatorError';
  }
}

// Typographic operators people paste from documents mean the ASCII ones.
const SYNONYMS: Record<string, string> = { '×': '*', '·': '*', '÷': '/', '−': '-', '–': '-' };
const OPERATORS = ['**', '+', '-', '*', '/', '%', '^', '(', ')', ',', '!'];
const NUMBER = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits an expression into tokens; throws {@link CalculatorError} at the first character it does not know. */
export function tokenizeExpression(text: string): CalcToken[] {
  const tokens: CalcToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0].replace(/_/g, '')), pos });
      pos += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0].toLowerCase(), pos });
      pos += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate)) ?? SYNONYMS[rest[0]];
    if (op === undefined) throw new CalculatorError(`unexpected character '${rest[0]}'`, pos);
    tokens.push({ kind: 'op', value: op, pos });
    pos += OPERATORS.includes(rest.slice(0, op.length)) ? op.length : 1;
  }
  tokens.push({ kind: 'end', pos });
  return tokens;
}
