import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { identifierTokens } from './identifierTokens';
import { JaccardCopyIndex, lastNonBlankLines } from './jaccardCopyIndex';
import type { BenchSourceFile } from './nextLineCases';

const file = (path: string, lines: string[]): BenchSourceFile => ({ path, language: 'python', text: lines.join('\n') + '\n' });

function indexOf(files: BenchSourceFile[]): JaccardCopyIndex {
  const index = new JaccardCopyIndex();
  files.forEach((f) => index.addFile(f));
  return index;
}

/** The obvious exhaustive search: best Jaccard over every admissible 3-non-blank-line window. */
function bruteBest(files: BenchSourceFile[], target: string, line: number, prefix: string): number {
  const query = new Set(identifierTokens(lastNonBlankLines(prefix, 3).join('\n')));
  let best = 0;
  for (const f of files) {
    const lines = f.text.split('\n');
    const nonBlank = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
    for (let k = 2; k + 1 < nonBlank.length; k++) {
      if (f.path === target && nonBlank[k + 1] >= line) continue;
      const window = new Set(identifierTokens(nonBlank.slice(k - 2, k + 1).map((i) => lines[i]).join('\n')));
      const inter = [...query].filter((t) => window.has(t)).length;
      const union = query.size + window.size - inter;
      if (union > 0) best = Math.max(best, inter / union);
    }
  }
  return best;
}

describe('JaccardCopyIndex (the jaccard-copy baseline)', () => {
  const lib = file('lib/db.py', [
    'def connect(url):',
    '    conn = open_connection(url)',
    '',
    '    conn.set_timeout(30)',
    '    return conn',
    'def other():',
    '    pass',
  ]);
  const app = file('app/main.py', ['import db', 'def start(url):', '    conn = open_connection(url)', '    conn.set_timeout(30)', '    return conn']);

  it('predicts the line that followed the most similar window in another file (blank lines skipped)', () => {
    const index = indexOf([lib, app]);
    const prefix = 'import db\ndef start(url):\n    conn = open_connection(url)\n\n    conn.set_timeout(30)\n';
    const prediction = index.predict('app/main.py', 4, prefix);
    assert.equal(prediction.text, '    return conn');
    assert.deepEqual(prediction.source, { file: 'lib/db.py', line: 4 });
    assert.equal(prediction.similarity, 5 / 7); // {def url conn open_connection set_timeout} of 7 tokens
  });

  it('never uses the target line or the suffix of its own file, only its prefix', () => {
    const self = file('self.py', ['alpha = beta(gamma)', 'delta = epsilon(zeta)', 'eta = theta(iota)', 'TARGET_LINE = 1', 'alpha = beta(gamma)', 'delta = epsilon(zeta)', 'eta = theta(iota)', 'TARGET_LINE = 1']);
    const index = indexOf([self]);
    const lines = self.text.split('\n');
    assert.equal(index.predict('self.py', 7, lines.slice(0, 7).join('\n') + '\n').text, 'TARGET_LINE = 1');
    assert.deepEqual(index.predict('self.py', 3, lines.slice(0, 3).join('\n') + '\n'), { text: '', similarity: 0 });
  });

  it('breaks ties deterministically: own prefix first (nearest window), then the earliest file', () => {
    const body = ['x = make(a)', 'y = make(b)', 'z = make(c)'];
    const first = file('first.py', [...body, 'first_next()']);
    const second = file('second.py', [...body, 'second_next()']);
    const own = file('own.py', [...body, 'own_early()', ...body, 'own_late()', ...body, 'target()']);
    const prefix = own.text.split('\n').slice(0, 11).join('\n') + '\n';
    assert.equal(indexOf([first, second, own]).predict('own.py', 11, prefix).text, 'own_late()');
    assert.equal(indexOf([second, first, own]).predict('elsewhere.py', 0, body.join('\n') + '\n').text, 'second_next()');
    assert.equal(indexOf([first, second]).predict('elsewhere.py', 0, body.join('\n') + '\n').text, 'first_next()');
  });

  it('predicts nothing without identifiers in the query window or without any match', () => {
    const index = indexOf([lib]);
    assert.equal(index.predict('x.py', 3, '}\n)\n;\n').text, '');
    assert.equal(index.predict('x.py', 1, 'completely_unknown_name\n').text, '');
    assert.equal(index.predict('x.py', 0, '').text, '');
  });

  it('finds the exact best Jaccard despite pruning (property, against exhaustive search)', () => {
    const word = fc.constantFrom('self', 'x', 'y', 'run', 'ok', 'get', 'put', 'a', 'b', 'None', 'return', 'if');
    const line = fc.oneof(fc.constant(''), fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')));
    const files = fc.array(fc.array(line, { maxLength: 12 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(files, fc.nat(), (texts, pick) => {
      const repo = texts.map((lines, i) => file(`f${i}.py`, lines));
      const target = repo[pick % repo.length];
      const lines = target.text.split('\n');
      const at = pick % lines.length;
      const prefix = lines.slice(0, at).map((l) => l + '\n').join('');
      const prediction = indexOf(repo).predict(target.path, at, prefix);
      assert.ok(Math.abs(prediction.similarity - bruteBest(repo, target.path, at, prefix)) < 1e-12);
      if (prediction.source) {
        const source = repo.find((f) => f.path === prediction.source!.file)!;
        assert.equal(prediction.text, source.text.split('\n')[prediction.source.line]);
        if (source.path === target.path) assert.ok(prediction.source.line < at);
      }
    }), { numRuns: 300 });
  });

  it('finds the last non-blank lines of a prefix', () => {
    assert.deepEqual(lastNonBlankLines('a\n\nb\n  \nc\nd\n', 3), ['b', 'c', 'd']);
    assert.deepEqual(lastNonBlankLines('a\nb', 3), ['a', 'b']);
    assert.deepEqual(lastNonBlankLines('', 3), []);
  });

  it('refuses a file added twice and a bad window size', () => {
    const index = indexOf([lib]);
    assert.throws(() => index.addFile(lib), TypeError);
    assert.throws(() => new JaccardCopyIndex({ windowLines: 0 }), TypeError);
  });
});
