import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redactSecrets, redactWithDetectors } from './redactSecrets';
import { SECRET_DETECTORS } from './secretDetectors';

// Every rule of the detector table against its own entries of the corpus: true positives (`expect` differs from
// `input`) must be redacted to exactly `expect` by the rule alone and by the whole table; near misses (`expect`
// equals `input`) must come through the whole table unchanged. A rule without both kinds of entry fails.

interface CorpusEntry {
  rule: string;
  input: string;
  expect: string;
  note?: string;
}

const corpusFile = path.resolve(__dirname, '../../../test-fixtures/secrets/rule-corpus.jsonl');
const corpus: CorpusEntry[] = fs
  .readFileSync(corpusFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusEntry);

const isTruePositive = (entry: CorpusEntry) => entry.input !== entry.expect;
const label = (entry: CorpusEntry) => `${entry.rule}${entry.note ? ` (${entry.note})` : ''}: ${JSON.stringify(entry.input)}`;

describe('secrets: rule corpus', () => {
  it('has rule ids that are unique, and names only rules that exist', () => {
    const ids = SECRET_DETECTORS.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate rule id in ${ids.join(', ')}`);
    const unknown = corpus.filter((entry) => !ids.includes(entry.rule)).map(label);
    assert.deepEqual(unknown, []);
  });

  for (const detector of SECRET_DETECTORS) {
    describe(`rule ${detector.id} (${detector.kind})`, () => {
      const entries = corpus.filter((entry) => entry.rule === detector.id);
      const positives = entries.filter(isTruePositive);
      const nearMisses = entries.filter((entry) => !isTruePositive(entry));

      it('has at least one true positive and one near miss in the corpus', () => {
        assert.ok(positives.length >= 1, `no true positive for ${detector.id} in ${corpusFile}`);
        assert.ok(nearMisses.length >= 1, `no near miss for ${detector.id} in ${corpusFile}`);
      });

      it('redacts each true positive, on its own and within the whole table', () => {
        for (const entry of positives) {
          const alone = redactWithDetectors(entry.input, [detector]);
          assert.equal(alone.text, entry.expect, label(entry));
          assert.ok((alone.counts[detector.kind] ?? 0) >= 1, label(entry));
          assert.equal(redactSecrets(entry.input).text, entry.expect, label(entry));
        }
      });

      it('leaves each near miss unchanged', () => {
        for (const entry of nearMisses) assert.equal(redactSecrets(entry.input).text, entry.input, label(entry));
      });
    });
  }
});
