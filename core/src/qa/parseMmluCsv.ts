import type { RecordProblem } from '../spans/recordProblem';
import { parseCsv } from './parseCsv';
import type { McItem } from './qaItem';

export type MmluSplit = 'dev' | 'val' | 'test';

const LETTERS = ['A', 'B', 'C', 'D'];

/**
 * Subject and split of a file of the standard MMLU layout (`dev/abstract_algebra_dev.csv`, `val/…_val.csv`,
 * `test/…_test.csv`), or undefined for any other name.
 */
export function mmluFileInfo(fileName: string): { subject: string; split: MmluSplit } | undefined {
  const match = /^(.+)_(dev|val|test)\.csv$/.exec(fileName);
  return match ? { subject: match[1], split: match[2] as MmluSplit } : undefined;
}

/**
 * One MMLU CSV (no header; rows: question, A, B, C, D, answer letter). A row with the wrong number of fields, an
 * empty question or choice, or an answer other than A–D is reported as `file:line` and skipped.
 */
export function parseMmluCsv(text: string, file: string, subject: string, split: MmluSplit): { items: McItem[]; problems: RecordProblem[] } {
  const parsed = parseCsv(text);
  const problems: RecordProblem[] = parsed.problems.map((p) => ({ file, line: p.line, field: '-', message: p.message }));
  const items: McItem[] = [];
  for (const { line, fields } of parsed.records) {
    const bad = (field: string, message: string) => problems.push({ file, line, field, message });
    if (fields.length !== 6) {
      bad('-', `expected 6 fields (question, A, B, C, D, answer), got ${fields.length}`);
      continue;
    }
    const [question, ...rest] = fields.map((f) => f.trim());
    const choices = rest.slice(0, 4);
    const answer = LETTERS.indexOf(rest[4].toUpperCase());
    if (question === '') bad('question', 'is empty');
    else if (choices.some((c) => c === '')) bad('choices', `choice ${LETTERS[choices.findIndex((c) => c === '')]} is empty`);
    else if (answer < 0) bad('answer', `must be one of A, B, C, D, got "${rest[4]}"`);
    else items.push({ id: `${subject}/${split}/${line}`, subject, question, choices, correct: [answer], memoryAnswer: choices[answer] });
  }
  return { items, problems };
}
