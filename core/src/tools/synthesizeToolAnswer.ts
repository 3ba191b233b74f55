import type { ToolResult } from './tool';
import type { ToolDecision } from './toolDecider';
import type { ToolSuccessRow } from './toolSuccessTable';

/** Longest tool output quoted in an answer; the full output stays in the result's data. */
export const MAX_QUOTED_OUTPUT = 8000;

function quote(text: string): string {
  const cut = text.length > MAX_QUOTED_OUTPUT ? `${text.slice(0, MAX_QUOTED_OUTPUT)}\n[truncated: ${text.length - MAX_QUOTED_OUTPUT} more characters]` : text;
  return '```\n' + cut.replace(/```/g, '`\u200b``') + '\n```';
}

/** The answer body for one successful result, worded per tool. */
function successText(result: ToolResult): string {
  const text = result.output?.text ?? '';
  switch (result.toolId) {
    case 'calculator':
      return `${String(result.args.expression)} = ${text}`;
    case 'code_executor':
      return `The program ran (${String(result.args.language ?? 'javascript')}):\n${quote(text)}`;
    case 'workspace_search':
      return `Matches for "${String(result.args.query)}":\n${text}`;
    case 'read_file':
      return quote(text);
    default:
      return text;
  }
}

function failureText(result: ToolResult): string {
  return result.errorCode === 'not_configured' ? `Not available: ${result.error}` : `${result.toolId} failed: ${result.error ?? 'no reason given'}`;
}

/** One line saying where the answer came from: the tool, why it was chosen, and its track record. */
function provenanceLine(result: ToolResult, decision: ToolDecision | undefined, row: ToolSuccessRow | undefined): string {
  const why = decision ? `chosen by ${decision.method === 'trigger' ? `the '${decision.kind}' pattern` : 'similar past requests'}, confidence ${decision.confidence.toFixed(2)}` : 'called directly';
  const record = row ? `; before this, ${row.successes} of ${row.successes + row.failures} '${row.kind}' requests worked with it` : '';
  const sources = result.output?.sources?.length ? `; sources: ${result.output.sources.slice(0, 10).join(', ')}` : '';
  return `(tool: ${result.toolId}, ${why}${record}${sources})`;
}

/** The answer text: each result (or its failure) and a provenance line. */
export function synthesizeToolAnswer(results: readonly ToolResult[], decision: ToolDecision | undefined, rows: readonly (ToolSuccessRow | undefined)[]): string {
  return results
    .map((result, i) => `${result.success ? successText(result) : failureText(result)}\n${provenanceLine(result, decision, rows[i])}`)
    .join('\n\n');
}
