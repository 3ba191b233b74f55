/**
 * A problem with one record of an input file, as reported to people: `file:line: field: message`.
 * `line` is 1-based; 0 means the whole file (binary input, unreadable JSON document). For inputs
 * made of records that are not lines (a ChatGPT export is one JSON array), `unit` is
 * `conversation` and `line` is the 1-based position of the record in the array.
 */
export interface RecordProblem {
  file: string;
  line: number;
  /** Dotted path of the bad field, or `-` when the whole record is bad (e.g. malformed JSON). */
  field: string;
  message: string;
  unit?: 'line' | 'conversation';
}

/** `file:line: field: message` (`file: field: message` for the whole file, `file:conversation N: …` for records). */
export function formatRecordProblem(problem: RecordProblem): string {
  const field = problem.field === '' ? '-' : problem.field;
  if (problem.line <= 0) return `${problem.file}: ${field}: ${problem.message}`;
  const where = problem.unit === 'conversation' ? `conversation ${problem.line}` : String(problem.line);
  return `${problem.file}:${where}: ${field}: ${problem.message}`;
}

export interface ProblemSummary {
  total: number;
  /** Count per kind (see {@link problemKind}), most frequent first. */
  byKind: { kind: string; count: number }[];
}

/**
 * The kind of a problem, for counting: the field plus the message without the value that was
 * found, so `when: must be an ISO-8601 date, got "x"` and `…, got "y"` count together. Standalone numbers
 * are replaced by `#` so that sizes and JSON positions do not split kinds.
 */
export function problemKind(problem: Pick<RecordProblem, 'field' | 'message'>): string {
  const message = problem.message
    .replace(/, got [\s\S]*$/, '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/(?<![\w-])\d+(\.\d+)?/g, '#');
  const field = problem.field.replace(/\.\d+(?=\.|$)/g, '.#');
  return `${field}: ${message}`;
}

/** Totals for the "N records skipped" summary: overall and per kind, most frequent first (ties by kind). */
export function summarizeProblems(problems: readonly Pick<RecordProblem, 'field' | 'message'>[]): ProblemSummary {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const kind = problemKind(problem);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const byKind = [...counts].map(([kind, count]) => ({ kind, count }));
  byKind.sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { total: problems.length, byKind };
}

/** The summary as lines a terminal can print: a total, then `  count × kind` per kind. */
export function formatProblemSummary(summary: ProblemSummary): string[] {
  if (summary.total === 0) return ['no problems'];
  const noun = summary.total === 1 ? 'problem' : 'problems';
  return [`${summary.total} ${noun}:`, ...summary.byKind.map(({ kind, count }) => `  ${count} × ${kind}`)];
}
