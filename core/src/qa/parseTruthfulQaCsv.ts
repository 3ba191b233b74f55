import type { RecordProblem } from '../spans/recordProblem';
import { parseCsv } from './parseCsv';
import type { McItem } from './qaItem';

const REQUIRED = ['Type', 'Category', 'Question', 'Best Answer', 'Correct Answers', 'Incorrect Answers', 'Source'] as const;

/** `a; b;c` → `['a', 'b', 'c']`: TruthfulQA separates its answers with semicolons. */
function answers(text: string): string[] {
  return text.split(';').map((a) => a.trim()).filter((a) => a !== '');
}

function uniqueCaseless(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * TruthfulQA.csv (header: Type, Category, Question, Best Answer, Correct Answers, Incorrect Answers, Source; columns
 * found by name). Each question becomes a multiple-choice item whose choices are its correct answers (the best one
 * first) and its incorrect ones; choosing any correct answer is right. A missing column fails the whole file; a row
 * without a question, a correct or an incorrect answer is reported and skipped.
 */
export function parseTruthfulQaCsv(text: string, file: string): { items: McItem[]; problems: RecordProblem[] } {
  const parsed = parseCsv(text);
  const problems: RecordProblem[] = parsed.problems.map((p) => ({ file, line: p.line, field: '-', message: p.message }));
  const [header, ...rows] = parsed.records;
  const columns = new Map((header?.fields ?? []).map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    problems.push({ file, line: header?.line ?? 0, field: '-', message: `not a TruthfulQA CSV: missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` });
    return { items: [], problems };
  }
  const items: McItem[] = [];
  for (const { line, fields } of rows) {
    const get = (name: (typeof REQUIRED)[number]) => (fields[columns.get(name)!] ?? '').trim();
    const question = get('Question');
    const best = get('Best Answer');
    const correct = uniqueCaseless([best, ...answers(get('Correct Answers'))].filter((a) => a !== ''));
    const correctKeys = new Set(correct.map((a) => a.toLowerCase()));
    const incorrect = uniqueCaseless(answers(get('Incorrect Answers'))).filter((a) => !correctKeys.has(a.toLowerCase()));
    if (question === '') problems.push({ file, line, field: 'Question', message: 'is empty' });
    else if (correct.length === 0) problems.push({ file, line, field: 'Correct Answers', message: 'no correct answer' });
    else if (incorrect.length === 0) problems.push({ file, line, field: 'Incorrect Answers', message: 'no incorrect answer to tell apart' });
    else {
      const choices = [...correct, ...incorrect];
      items.push({ id: `truthfulqa/${line}`, subject: get('Category') || 'uncategorized', question, choices, correct: correct.map((_, i) => i), memoryAnswer: best || correct[0] });
    }
  }
  return { items, problems };
}
