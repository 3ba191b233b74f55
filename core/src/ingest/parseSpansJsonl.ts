import type { RecordProblem } from '../spans/recordProblem';
import type { Span } from '../spans/span';
import { DEFAULT_SPAN_VALIDATION_CONFIG, validateSpan, type SpanValidationConfig } from '../spans/validateSpan';
import { decodeTextLines } from './decodeTextLines';

export interface ParsedSpans {
  spans: Span[];
  problems: RecordProblem[];
}

/** `JSON.parse` that reports instead of throwing; the parser's own message says where the syntax broke. */
export function parseJsonLine(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `malformed JSON: ${error instanceof Error ? error.message : 'unreadable'}` };
  }
}

/**
 * Reads a JSONL file of spans: one span per line, validated with {@link validateSpan}. Every bad
 * line (malformed JSON, invalid span, invalid UTF-8) becomes a problem with its line number and is
 * skipped; the good lines are kept. Binary input is one whole-file problem. Never throws.
 */
export function parseSpansJsonl(
  bytes: Uint8Array,
  file: string,
  config: SpanValidationConfig = DEFAULT_SPAN_VALIDATION_CONFIG,
): ParsedSpans {
  const decoded = decodeTextLines(bytes, file);
  const result: ParsedSpans = { spans: [], problems: decoded.problems };
  for (const { line, text } of decoded.lines) {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      result.problems.push({ file, line, field: '-', message: parsed.message });
      continue;
    }
    const checked = validateSpan(parsed.value, config);
    if (checked.ok) result.spans.push(checked.span);
    else for (const problem of checked.problems) result.problems.push({ file, line, ...problem });
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
