import { routedText } from './routedText';
import type { Tool } from './tool';

export const CODE_LANGUAGES = ['javascript', 'python'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Largest program accepted (characters). */
export const MAX_CODE_CHARS = 100_000;

const FENCE_TAG = /^[ \t]*([A-Za-z0-9_+-]*)/;
const LANGUAGE_BY_TAG: Record<string, CodeLanguage> = {
  js: 'javascript', javascript: 'javascript', node: 'javascript', mjs: 'javascript', cjs: 'javascript',
  py: 'python', python: 'python', python3: 'python',
};

/** The language a request asks for: the fence tag, else a mention of Python, else JavaScript. */
export function codeLanguageOf(request: string, fenceTag = ''): CodeLanguage | undefined {
  const tag = fenceTag.toLowerCase();
  if (tag !== '') return LANGUAGE_BY_TAG[tag];
  return /\bpython\b/i.test(request) ? 'python' : 'javascript';
}

/**
 * The first fenced block of a request: the tag after the opening ``` (up to the end of its line), and the code from
 * the next line to the closing ```. String searches over the whole request, so a long program is found in linear
 * time; only the first opening fence needs trying, since any later one closes no earlier than it would.
 */
export function fencedCode(request: string): { tag: string; code: string } | undefined {
  const open = request.indexOf('```');
  if (open < 0) return undefined;
  const lineEnd = request.indexOf('\n', open + 3);
  if (lineEnd < 0) return undefined;
  const close = request.indexOf('```', lineEnd + 1);
  if (close < 0) return undefined;
  const tag = FENCE_TAG.exec(request.slice(open + 3, lineEnd))?.[1] ?? '';
  return { tag, code: request.slice(lineEnd + 1, close) };
}

export const codeExecutorTool: Tool = {
  id: 'code_executor',
  description: 'Runs a short JavaScript or Python program in a sandbox (separate process, time and memory limits, temporary folder, no network) and returns its output.',
  parameters: {
    type: 'object',
    properties: {
      code: { type: 'string', description: 'the program', minLength: 1, maxLength: MAX_CODE_CHARS },
      language: { type: 'string', enum: CODE_LANGUAGES, default: 'javascript', description: 'javascript (Node) or python (python3 when installed)' },
      timeout_ms: { type: 'integer', minimum: 100, maximum: 60_000, default: 5000, description: 'wall-clock limit' },
    },
    required: ['code'],
  },
  useCases: ['check what a snippet prints', 'try an algorithm on an input', 'compute something easier to program than to type'],
  examples: [
    {
      request: 'run this python:\n```python\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(10))\n```',
      args: { code: 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(10))\n', language: 'python' },
      expectedOutput: '55',
    },
  ],
  triggers: [
    // An opening fence; whether it is closed is for extractArgs, which reads the whole request.
    { kind: 'fenced_code', pattern: /```/ },
    { kind: 'run_code', pattern: /\b(run|execute)\b/i, then: /\b(code|script|program|snippet|this)\b/i },
  ],
  extractArgs(request) {
    const fence = fencedCode(request);
    if (!fence) return undefined;
    const language = codeLanguageOf(routedText(request), fence.tag);
    // An unknown fence tag (```rust) is passed through as written so validation names it.
    return { code: fence.code, language: language ?? fence.tag.toLowerCase() };
  },
};
