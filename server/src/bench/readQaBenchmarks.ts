import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatRecordProblem, mmluFileInfo, parseMmluCsv, parseTruthfulQaCsv } from '@arenalab/core';
import type { McItem, MmluSplit } from '@arenalab/core';

/** A benchmark path that cannot be used as given. */
export class QaBenchmarkInputError extends Error {
  readonly code = 'BAD_QA_BENCHMARK_INPUT' as const;

  constructor(message: string) {
    super(message);
    this.name = 'QaBenchmarkInputError';
  }
}

export interface MmluData {
  /** dev + val items (the memory). */
  memory: McItem[];
  test: McItem[];
  subjects: string[];
  problems: string[];
}

const LAYOUT = 'expected the standard MMLU layout: dev/, val/ and test/ folders of <subject>_dev.csv, <subject>_val.csv, <subject>_test.csv';

function readSplit(dir: string, split: MmluSplit, problems: string[]): McItem[] {
  const folder = path.join(dir, split);
  if (!fs.existsSync(folder)) return [];
  const items: McItem[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (!name.endsWith('.csv') || !fs.statSync(file).isFile()) continue;
    const info = mmluFileInfo(name);
    if (!info || info.split !== split) {
      problems.push(`${file}: skipped: not named <subject>_${split}.csv`);
      continue;
    }
    const parsed = parseMmluCsv(fs.readFileSync(file, 'utf8'), file, info.subject, split);
    items.push(...parsed.items);
    problems.push(...parsed.problems.map(formatRecordProblem));
  }
  return items;
}

/** Reads an MMLU folder: memory from dev/ and val/, questions from test/. Bad rows are reported and skipped. */
export function readMmlu(dir: string): MmluData {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new QaBenchmarkInputError(`--mmlu ${dir}: not a folder (${LAYOUT})`);
  const problems: string[] = [];
  const memory = [...readSplit(dir, 'dev', problems), ...readSplit(dir, 'val', problems)];
  const test = readSplit(dir, 'test', problems);
  if (test.length === 0) throw new QaBenchmarkInputError(`--mmlu ${dir}: no test questions in ${path.join(dir, 'test')} (${LAYOUT})`);
  if (memory.length === 0) throw new QaBenchmarkInputError(`--mmlu ${dir}: no dev or val questions to build the memory from (${LAYOUT})`);
  return { memory, test, subjects: [...new Set(test.map((item) => item.subject))].sort(), problems };
}

/** Reads TruthfulQA.csv; a file without its columns is an error, bad rows are reported and skipped. */
export function readTruthfulQa(file: string): { items: McItem[]; problems: string[] } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new QaBenchmarkInputError(`--truthfulqa ${file}: no such file`);
  const parsed = parseTruthfulQaCsv(fs.readFileSync(file, 'utf8'), file);
  if (parsed.items.length === 0) {
    const first = parsed.problems[0] ? `: ${formatRecordProblem(parsed.problems[0])}` : '';
    throw new QaBenchmarkInputError(`--truthfulqa ${file}: no usable question${first}`);
  }
  return { items: parsed.items, problems: parsed.problems.map(formatRecordProblem) };
}
