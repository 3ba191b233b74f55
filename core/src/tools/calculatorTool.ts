import { CalculatorError } from './calcTokens';
import { CALCULATOR_NAMES, evaluateExpression, formatNumber } from './evaluateExpression';
import { MAX_EXPRESSION_LENGTH, parseExpression } from './parseExpression';
import { routedText, trimTrailing, WHITESPACE } from './routedText';
import type { Tool, ToolExecutor } from './tool';
import { ToolError } from './toolErrors';

// Spelled-out operators, longest first so "divided by" wins over "by".
// `(?<!\d)`: a number is tried from its first digit only, not again from each of its digits.
const WORD_OPERATORS: [RegExp, string][] = [
  [/(?<!\d)(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\b/gi, '($1 / 100) *'],
  [/\bto the power of\b/gi, '^'],
  [/\bdivided by\b/gi, '/'],
  [/\b(times|multiplied by)\b/gi, '*'],
  [/\bplus\b/gi, '+'],
  [/\bminus\b/gi, '-'],
  [/\bmod(ulo)?\b/gi, '%'],
  [/\bsquared\b/gi, '^2'],
  [/\bcubed\b/gi, '^3'],
  [/\bsquare root of\b/gi, 'sqrt'],
];
const LEAD_IN = /^.*?\b(?:calculate|compute|evaluate|what(?:'s| is)|how much is)\b\s*:?\s*/i;
const NAMES = CALCULATOR_NAMES.map((name) => name.replace('()', '')).sort((a, b) => b.length - a.length).join('|');
// A run of calculator tokens only (numbers, operators, the calculator's own names), so surrounding words drop out.
const EXPRESSION_RUN = new RegExp(`(?:\\d[\\d_]*(?:\\.\\d*)?(?:e[+-]?\\d+)?|\\.\\d+|\\*\\*|[-+*/^%().,!×÷]|\\s|\\b(?:${NAMES})\\b)+`, 'gi');

function parses(text: string): boolean {
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
}

/** The arithmetic inside a request ("what is 2^10 * 3?" → "2^10 * 3"), or undefined when there is none. */
export function extractExpression(request: string): string | undefined {
  let text = trimTrailing(trimTrailing(routedText(request).replace(LEAD_IN, ''), `?=${WHITESPACE}`), WHITESPACE);
  if (text.endsWith('.')) text = text.slice(0, -1);
  text = text.trim();
  for (const [pattern, op] of WORD_OPERATORS) text = text.replace(pattern, ` ${op} `);
  text = text.replace(/\s+/g, ' ').trim();
  if (!/\d/.test(text)) return undefined;
  if (parses(text)) return text;
  const runs = [...text.matchAll(EXPRESSION_RUN)].map((m) => trimTrailing(m[0].trim(), '.,'));
  return runs.filter((run) => /\d/.test(run) && /[-+*/^%!×÷(]/.test(run.replace(/^[-+]/, '')) && parses(run)).sort((a, b) => b.length - a.length)[0];
}

export const calculatorTool: Tool = {
  id: 'calculator',
  description: 'Computes an arithmetic expression exactly: + - * / % ^ (or **), parentheses, factorial (!), sqrt, abs, sin, cos, tan, log, ln, exp, floor, ceil, round, min, max, pow, pi, e.',
  parameters: {
    type: 'object',
    properties: { expression: { type: 'string', description: 'the expression, e.g. 2^10 * 3', minLength: 1, maxLength: MAX_EXPRESSION_LENGTH } },
    required: ['expression'],
  },
  useCases: ['arithmetic in a question', 'unit-free maths: powers, roots, logarithms, factorials'],
  examples: [
    { request: 'what is 234 * 567', args: { expression: '234 * 567' }, expectedOutput: '132678' },
    { request: 'calculate 2^10 * 3', args: { expression: '2^10 * 3' }, expectedOutput: '3072' },
  ],
  triggers: [
    { kind: 'calculate', pattern: /\b(calculate|compute|evaluate)\b/i },
    // The spaces around an optional sign belong to it, so two runs of spaces never compete for the same ones.
    { kind: 'what_is_number', pattern: /\b(what(?:'s| is)|how much is)\s+(?:[-+(]\s*)?(\d|sqrt|pi\b)/i },
    { kind: 'arithmetic', pattern: /\d\s*(?:[-+*/^%×÷]|\*\*|times|plus|minus|divided by)\s*(?:[-(]\s*)?\d/i },
  ],
  extractArgs(request) {
    const expression = extractExpression(request);
    return expression === undefined ? undefined : { expression };
  },
};

/** The calculator runs in core: it is pure and cannot touch anything. */
export const calculatorExecutor: ToolExecutor = {
  async execute(args) {
    const expression = String(args.expression);
    try {
      const value = evaluateExpression(expression);
      return { text: formatNumber(value), data: { expression, value } };
    } catch (error) {
      if (error instanceof CalculatorError) throw new ToolError('bad_arguments', `cannot compute '${expression}': ${error.message}`, { cause: error });
      throw error;
    }
  },
};
