// Detection over the secret corpora: for the rule corpus (test-fixtures/secrets/rule-corpus.jsonl), true positives
// redacted exactly as expected, true positives left with their secret, and near misses changed (false positives);
// for the ordinary-code corpus, lines changed. Prints one JSON line. A measurement, not a test.
//
//   npx tsc -b && node scripts/measureRedactionCorpus.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { redactSecrets } = require('../core/out/secrets/redactSecrets.js');
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-fixtures', 'secrets');
const lines = (file) => fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n').filter((line) => line.trim() !== '');

const corpus = lines('rule-corpus.jsonl').map((line) => JSON.parse(line));
const byRule = {};
const total = { tp: 0, tp_exact: 0, tp_missed: 0, near_misses: 0, fp: 0 };
for (const entry of corpus) {
  const row = (byRule[entry.rule] ??= { tp: 0, tp_exact: 0, tp_missed: 0, near_misses: 0, fp: 0 });
  const out = redactSecrets(entry.input).text;
  const add = (key) => { row[key]++; total[key]++; };
  if (entry.input === entry.expect) {
    add('near_misses');
    if (out !== entry.input) add('fp');
  } else {
    add('tp');
    if (out === entry.expect) add('tp_exact');
    else if (out === entry.input || !out.includes('<redacted:')) add('tp_missed');
  }
}
const ordinary = lines('ordinary-code.txt').filter((line) => !line.startsWith('# '));
const ordinaryChanged = ordinary.filter((line) => redactSecrets(line).text !== line).length;
process.stdout.write(JSON.stringify({ rule_corpus: total, ordinary_code: { lines: ordinary.length, changed: ordinaryChanged }, by_rule: byRule }) + '\n');
