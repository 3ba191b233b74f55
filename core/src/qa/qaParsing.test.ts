import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from './parseCsv';
import { mmluFileInfo, parseMmluCsv } from './parseMmluCsv';
import { parseTruthfulQaCsv } from './parseTruthfulQaCsv';
import { splitByHash } from './splitByHash';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures/qa');

describe('qa: CSV and benchmark loaders', () => {
  it('parses RFC 4180 CSV: quotes, doubled quotes, commas and newlines in quotes, CRLF, BOM, blank lines', () => {
    const text = '\ufeffa,"b, c","say ""hi"""\r\n\r\n"multi\nline",x,\n';
    assert.deepEqual(parseCsv(text), {
      records: [
        { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
        { line: 3, fields: ['multi\nline', 'x', ''] },
      ],
      problems: [],
    });
  });

  it('reports an unterminated quote at the line its record starts', () => {
    const parsed = parseCsv('ok,1\n"broken,2\nmore\n');
    assert.deepEqual(parsed.records, [{ line: 1, fields: ['ok', '1'] }]);
    assert.deepEqual(parsed.problems, [{ line: 2, message: 'unterminated quoted field (a " is never closed); the rest of the file was skipped' }]);
  });

  it('reads subject and split from MMLU file names', () => {
    assert.deepEqual(mmluFileInfo('high_school_physics_test.csv'), { subject: 'high_school_physics', split: 'test' });
    assert.deepEqual(mmluFileInfo('astronomy_val.csv'), { subject: 'astronomy', split: 'val' });
    assert.equal(mmluFileInfo('astronomy.csv'), undefined);
    assert.equal(mmluFileInfo('astronomy_train.csv'), undefined);
  });

  it('parses MMLU rows and reports bad ones by file and line', () => {
    const file = path.join(FIXTURES, 'mmlu/test/computer_security_test.csv');
    const { items, problems } = parseMmluCsv(fs.readFileSync(file, 'utf8'), 'cs_test.csv', 'computer_security', 'test');
    assert.equal(items.length, 3);
    assert.deepEqual(items[1], {
      id: 'computer_security/test/2',
      subject: 'computer_security',
      question: 'What is phishing, in computer security?',
      choices: ['A kind of malware that encrypts files', 'Sending fake messages to trick people into revealing credentials', 'Scanning ports', 'Guessing passwords'],
      correct: [1],
      memoryAnswer: 'Sending fake messages to trick people into revealing credentials',
    });
    assert.deepEqual(problems, [
      { file: 'cs_test.csv', line: 4, field: '-', message: 'expected 6 fields (question, A, B, C, D, answer), got 3' },
      { file: 'cs_test.csv', line: 5, field: 'answer', message: 'must be one of A, B, C, D, got "Z"' },
    ]);
  });

  it('parses TruthfulQA by column name: correct answers (best first) then incorrect ones, duplicates dropped', () => {
    const { items, problems } = parseTruthfulQaCsv(fs.readFileSync(path.join(FIXTURES, 'truthfulqa.csv'), 'utf8'), 'tqa.csv');
    assert.equal(items.length, 11);
    assert.deepEqual(items[2], {
      id: 'truthfulqa/4',
      subject: 'Misconceptions',
      question: 'Do we only use 10% of our brains?',
      choices: ['No, we use virtually all of the brain', 'No, the 10% claim is a myth', 'Yes, we only use 10% of our brains', 'Yes, the rest is dormant'],
      correct: [0, 1],
      memoryAnswer: 'No, we use virtually all of the brain',
    });
    assert.deepEqual(problems.map((p) => `${p.line} ${p.field}: ${p.message}`), ['13 Correct Answers: no correct answer', '14 Incorrect Answers: no incorrect answer to tell apart']);
  });

  it('refuses a CSV without the TruthfulQA columns as a whole', () => {
    const { items, problems } = parseTruthfulQaCsv('Question,Answer\nWhy?,Because\n', 'other.csv');
    assert.deepEqual(items, []);
    assert.deepEqual(problems, [{ file: 'other.csv', line: 1, field: '-', message: 'not a TruthfulQA CSV: missing columns Type, Category, Best Answer, Correct Answers, Incorrect Answers, Source' }]);
  });

  it('splits by hash: deterministic, independent of row order, sized by the share', () => {
    const { items } = parseTruthfulQaCsv(fs.readFileSync(path.join(FIXTURES, 'truthfulqa.csv'), 'utf8'), 'tqa.csv');
    const a = splitByHash(items, 0.5, 1);
    const b = splitByHash([...items].reverse(), 0.5, 1);
    assert.deepEqual(a, b);
    assert.equal(a.memory.length, 6);
    assert.equal(a.test.length, 5);
    assert.notDeepEqual(splitByHash(items, 0.5, 2).memory.map((i) => i.id), a.memory.map((i) => i.id));
  });
});
