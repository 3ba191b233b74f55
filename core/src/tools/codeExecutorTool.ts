import type { Tool } from './tool';

export const CODE_LANGUAGES = ['javascript', 'python'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Largest program accepted (characters). */
export const MAX_CODE_CHARS = 100_000;

const FENCE = /```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)```/;
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
    { kind: 'fenced_code', pattern: /```[\s\S]*```/ },
    { kind: 'run_code', pattern: /\b(run|execute)\b[^\n]*\b(code|script|program|snippet|this)\b/i },
  ],
  extractArgs(request) {
    const fence = FENCE.exec(request);
    if (!fence) return undefined;
    const language = codeLanguageOf(request, fence[1]);
    // An unknown fence tag (```rust) is passed through as written so validation names it.
    return { code: fence[2], language: language ?? fence[1].toLowerCase() };
  },
};
