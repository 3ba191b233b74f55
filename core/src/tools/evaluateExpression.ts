import { CalculatorError } from './calcTokens';
import { parseExpression, type CalcNode } from './parseExpression';

// Lookups go through Object.hasOwn: a plain object would answer 'constructor' or 'toString' from its prototype.
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

type Fn = { arity: [number, number]; apply: (args: number[]) => number };
const unary = (f: (x: number) => number): Fn => ({ arity: [1, 1], apply: ([x]) => f(x) });
const FUNCTIONS: Record<string, Fn> = {
  sqrt: unary(Math.sqrt),
  cbrt: unary(Math.cbrt),
  abs: unary(Math.abs),
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  tan: unary(Math.tan),
  asin: unary(Math.asin),
  acos: unary(Math.acos),
  atan: unary(Math.atan),
  ln: unary(Math.log),
  log: { arity: [1, 2], apply: ([x, base]) => (base === undefined ? Math.log10(x) : Math.log(x) / Math.log(base)) },
  log2: unary(Math.log2),
  log10: unary(Math.log10),
  exp: unary(Math.exp),
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  round: unary(Math.round),
  min: { arity: [1, 100], apply: (args) => Math.min(...args) },
  max: { arity: [1, 100], apply: (args) => Math.max(...args) },
  pow: { arity: [2, 2], apply: ([x, y]) => x ** y },
};

/** Names the calculator knows, for help and error messages. */
export const CALCULATOR_NAMES: readonly string[] = [...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS).map((name) => `${name}()`)];

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new CalculatorError(`factorial needs a whole number ≥ 0, got ${n}`);
  if (n > 170) throw new CalculatorError(`factorial of ${n} is too large for a number`);
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

function binary(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) throw new CalculatorError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new CalculatorError('modulo by zero');
      return a % b;
    default: return a ** b;
  }
}

function evaluate(node: CalcNode): number {
  switch (node.kind) {
    case 'number': return node.value;
    case 'constant': {
      const value = Object.hasOwn(CONSTANTS, node.name) ? CONSTANTS[node.name] : undefined;
      if (value === undefined) throw new CalculatorError(`unknown name '${node.name}' (known: ${CALCULATOR_NAMES.join(', ')})`);
      return value;
    }
    case 'unary': {
      const x = evaluate(node.operand);
      return node.op === '-' ? -x : node.op === '!' ? factorial(x) : x;
    }
    case 'binary': return binary(node.op, evaluate(node.left), evaluate(node.right));
    case 'call': {
      const fn = Object.hasOwn(FUNCTIONS, node.name) ? FUNCTIONS[node.name] : undefined;
      if (fn === undefined) throw new CalculatorError(`unknown function '${node.name}' (known: ${CALCULATOR_NAMES.join(', ')})`, node.pos);
      const [least, most] = fn.arity;
      if (node.args.length < least || node.args.length > most) {
        const expected = least === most ? `${least}` : `${least} to ${most}`;
        throw new CalculatorError(`${node.name}() takes ${expected} argument(s), got ${node.args.length}`, node.pos);
      }
      return fn.apply(node.args.map(evaluate));
    }
  }
}

/**
 * Computes an arithmetic expression exactly as parsed (never `eval`). Throws {@link CalculatorError} for syntax
 * errors, unknown names, division by zero and results that are not finite numbers.
 */
export function evaluateExpression(text: string): number {
  const value = evaluate(parseExpression(text));
  if (Number.isNaN(value)) throw new CalculatorError('the result is not a number (e.g. the square root of a negative number)');
  if (!Number.isFinite(value)) throw new CalculatorError('the result is too large for a number');
  return value;
}

/** A result as people write it: 12 significant digits, so 0.1 + 0.2 shows as 0.3; exact integers in full. */
export function formatNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}
