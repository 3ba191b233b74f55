import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';
import { sha256Hex } from '../util/sha256';
import { previousNonBlank } from './occurrence';

/** How many lines before a window's line are kept as its trajectory. */
export const WINDOW_TRAJECTORY_LINES = 3;

/** Domain of code in `language`, in the slash-path convention (`programming/typescript`). */
export function codeDomain(language: string): string {
  const base = language === 'typescriptreact' ? 'typescript' : language === 'javascriptreact' ? 'javascript' : language;
  return `programming/${base}`;
}

/**
 * Stable id of a window of `file`: this line after that previous non-blank line. Provenance points at it and learned
 * weights are keyed by it, so it leaves the line number out: editing lines above a place must not make the creature
 * forget what it learned about it. (Two identical line pairs in one file are one place.)
 */
export function codeWindowSpanId(file: string, text: string, previousLine: string): string {
  return 'win_' + sha256Hex(`${file}\u0000${previousLine.trim()}\u0000${text.trim()}`).slice(0, 24);
}

/**
 * An indexed code window as a span, for provenance and for the store: someone wrote `this` line of `file` (in its
 * scope) after the preceding lines, which are its trajectory. Built on demand; the index itself stores only tokens.
 */
export function codeWindowSpan(input: {
  file: string;
  language: string;
  lines: readonly string[];
  line: number;
  scope?: string;
  when: string;
}): Span {
  const text = input.lines[input.line] ?? '';
  const preceding = input.lines.slice(Math.max(0, input.line - WINDOW_TRAJECTORY_LINES), input.line);
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    id: codeWindowSpanId(input.file, text, previousNonBlank(input.lines, input.line)),
    source: 'editor',
    who: 'workspace',
    did: 'write_code',
    this: `${input.file}:${input.line + 1}${input.scope ? ` in ${input.scope}` : ''}`,
    when: input.when,
    status: 'completed',
    if_ok: text,
    context: { environment: codeDomain(input.language), previous_actions: preceding.map(() => 'write_code') },
    metadata: { file: input.file, line: input.line, preceding_lines: preceding },
  };
}
