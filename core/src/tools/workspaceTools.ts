import { routedText, trimTrailing } from './routedText';
import type { Tool } from './tool';

const SCOPES = '(?:workspace|repo(?:sitory)?|project|code(?:base)?|files?)';
const QUERY_LEAD = /\b(?:search(?: the (?:workspace|repo(?:sitory)?|project|code(?:base)?))? for|grep(?: for)?|find|look for|where is)\s+/i;
// `(?<!\s)`: tried once per run of spaces, not from each space of a long run.
const SCOPE_TAIL = new RegExp(`(?<!\\s)\\s+(?:in|across|within) (?:the )?${SCOPES}\\b`, 'i');
const DEFINED_TAIL = /(?<!\s)\s+(?:is )?(?:defined|used|declared)$/i;

/**
 * Quoted, back-ticked or bare words after "for" / "find": what to search for. Bare words are read on the last line,
 * from the first lead-in to a scope ("in the repo") or the end; plain string steps keep this linear in the request.
 */
function extractQuery(request: string): string | undefined {
  const text = routedText(request);
  const quoted = /[`"'“‘]([^`"'”’\n]{1,200})[`"'”’]/.exec(text);
  if (quoted) return quoted[1].trim();
  const line = text.split(/[\n\r\u2028\u2029]/).pop() ?? '';
  const lead = QUERY_LEAD.exec(line);
  if (!lead) return undefined;
  const rest = line.slice(lead.index + lead[0].length);
  const scope = SCOPE_TAIL.exec(rest.slice(1));
  const bare = scope ? rest.slice(0, scope.index + 1) : trimTrailing(rest, '?.!');
  const query = bare.replace(DEFINED_TAIL, '').trim();
  return query ? query : undefined;
}

/** A workspace path in a request: quoted or back-ticked, or a token with a slash or an extension. */
function extractPath(request: string): string | undefined {
  const text = routedText(request);
  const quoted = /[`"']([^`"'\n]+)[`"']/.exec(text);
  if (quoted) return quoted[1].trim();
  const token = text.split(/\s+/).map((word) => trimTrailing(word, '?,;:!').replace(/\.$/, '')).find((word) => /[/\\]/.test(word) || /^[\w.-]+\.[A-Za-z0-9]{1,8}$/.test(word));
  return token;
}

export const workspaceSearchTool: Tool = {
  id: 'workspace_search',
  description: 'Searches the text of the workspace files (gitignore and excludes respected, nothing outside the workspace) and lists matching lines with file:line.',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', minLength: 1, maxLength: 500, description: 'text to find (case-insensitive), or a regular expression with regex: true' },
      regex: { type: 'boolean', default: false },
      max_results: { type: 'integer', minimum: 1, maximum: 500, default: 20 },
    },
    required: ['query'],
  },
  useCases: ['where is a function defined or used', 'find a string across the repository'],
  examples: [{ request: 'search the workspace for "parseExpression"', args: { query: 'parseExpression' }, expectedOutput: 'core/src/tools/parseExpression.ts:150: export function parseExpression(…' }],
  triggers: [
    { kind: 'search_workspace', pattern: /\b(search|grep|find|look for)\b/i, then: /\b(workspace|repo|repository|project|codebase|code base|in the code|files?)\b/i },
    { kind: 'where_defined', pattern: /\bwhere\b/i, then: /\b(defined|declared|used|implemented)\b/i },
  ],
  extractArgs(request) {
    const query = extractQuery(request);
    return query === undefined ? undefined : { query };
  },
};

export const readFileTool: Tool = {
  id: 'read_file',
  description: 'Reads a text file of the workspace (relative path; nothing outside the workspace, excluded and binary files refused), optionally a range of lines.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', minLength: 1, maxLength: 1000, description: 'workspace-relative path' },
      start_line: { type: 'integer', minimum: 1, description: 'first line, 1-based' },
      end_line: { type: 'integer', minimum: 1, description: 'last line, inclusive' },
    },
    required: ['path'],
  },
  useCases: ['show a file or part of it', 'quote the code a question is about'],
  examples: [{ request: 'show me the file src/main.ts', args: { path: 'src/main.ts' }, expectedOutput: 'src/main.ts (lines 1–40 of 40): …' }],
  triggers: [
    { kind: 'read_file', pattern: /\b(read|open|show|cat|print|display)\b/i, then: /\bfile\b/i },
    // Lazy, so a long word is scanned once for the separator instead of split every way between two runs.
    { kind: 'show_path', pattern: /\b(read|open|show|cat)\s+(me\s+)?[`"']?[\w.-]*?[\w-][/\\.][\w./\\-]/i },
  ],
  extractArgs(request) {
    const path = extractPath(request);
    if (path === undefined) return undefined;
    const lines = /\blines?\s+(\d+)(?:\s*(?:-|–|to)\s*(\d+))?/i.exec(routedText(request));
    if (!lines) return { path };
    const start = Number(lines[1]);
    return { path, start_line: start, end_line: lines[2] === undefined ? start : Number(lines[2]) };
  },
};
