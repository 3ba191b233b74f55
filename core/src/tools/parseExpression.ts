import { CalculatorError, tokenizeExpression, type CalcToken } from './calcTokens';

/** The syntax tree of a calculator expression. */
export type CalcNode =
  | { kind: 'number'; value: number }
  | { kind: 'constant'; name: string }
  | { kind: 'unary'; op: '-' | '+' | '!'; operand: CalcNode }
  | { kind: 'binary'; op: string; left: CalcNode; right: CalcNode }
  | { kind: 'call'; name: string; args: CalcNode[]; pos: number };

/** Longest expression accepted; a calculator request is a line, not a program. */
export const MAX_EXPRESSION_LENGTH = 2000;
// Nesting limit keeps a hostile "((((((…" from exhausting the stack.
const MAX_DEPTH = 200;

// Binding powers: + - < * / % < unary minus < ^ ** (right-associative) < postfix !.
const INFIX: Record<string, { left: number; right: number }> = {
  '+': { left: 10, right: 11 },
  '-': { left: 10, right: 11 },
  '*': { left: 20, right: 21 },
  '/': { left: 20, right: 21 },
  '%': { left: 20, right: 21 },
  '^': { left: 41, right: 40 },
  '**': { left: 41, right: 40 },
};
const PREFIX_POWER = 30;
const POSTFIX_POWER = 50;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: CalcToken[]) {}

  parse(): CalcNode {
    const node = this.expression(0);
    const next = this.peek();
    if (next.kind !== 'end') throw new CalculatorError(`unexpected '${describe(next)}'`, next.pos);
    return node;
  }

  private peek(): CalcToken {
    return this.tokens[this.index];
  }

  private next(): CalcToken {
    return this.tokens[this.index++];
  }

  private expect(op: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.value !== op) throw new CalculatorError(`expected '${op}' but found '${describe(token)}'`, token.pos);
  }

  /** Pratt loop: a prefix part, then infix and postfix operators that bind tighter than `minPower`. */
  private expression(minPower: number): CalcNode {
    if (++this.depth > MAX_DEPTH) throw new CalculatorError(`expression nested deeper than ${MAX_DEPTH} levels`);
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'op') break;
      if (token.value === '!' && POSTFIX_POWER >= minPower) {
        this.next();
        left = { kind: 'unary', op: '!', operand: left };
        continue;
      }
      const power = INFIX[token.value];
      if (power === undefined || power.left < minPower) break;
      this.next();
      left = { kind: 'binary', op: token.value === '**' ? '^' : token.value, left, right: this.expression(power.right) };
    }
    this.depth--;
    return left;
  }

  private prefix(): CalcNode {
    const token = this.next();
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'name') return this.nameOrCall(token.value, token.pos);
    if (token.kind === 'op' && (token.value === '-' || token.value === '+')) {
      return { kind: 'unary', op: token.value, operand: this.expression(PREFIX_POWER) };
    }
    if (token.kind === 'op' && token.value === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    throw new CalculatorError(token.kind === 'end' ? 'the expression ends too early' : `unexpected '${describe(token)}'`, token.pos);
  }

  private nameOrCall(name: string, pos: number): CalcNode {
    const open = this.peek();
    if (open.kind !== 'op' || open.value !== '(') return { kind: 'constant', name };
    this.next();
    const args: CalcNode[] = [];
    const close = this.peek();
    if (!(close.kind === 'op' && close.value === ')')) {
      args.push(this.expression(0));
      while (this.peek().kind === 'op' && (this.peek() as { value: string }).value === ',') {
        this.next();
        args.push(this.expression(0));
      }
    }
    this.expect(')');
    return { kind: 'call', name, args, pos };
  }
}

function describe(token: CalcToken): string {
  return token.kind === 'end' ? 'end of expression' : String(token.value);
}

/**
 * Parses an arithmetic expression (numbers, + - * / % ^ **, postfix !, parentheses, functions and constants) into a
 * tree. Never evaluates code: the grammar has no way to name anything but the calculator's own functions.
 * Throws {@link CalculatorError} with the position of the problem.
 */
export function parseExpression(text: string): CalcNode {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new CalculatorError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`);
  if (text.trim() === '') throw new CalculatorError('the expression is empty');
  return new Parser(tokenizeExpression(text)).parse();
}
