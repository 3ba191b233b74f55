import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { GitCommit } from '@arenalab/core';
import { GitLogParser, type GitLogParserConfig } from './gitLogParser';
import { parseDiffGitLine, unquoteGitPath } from './gitQuotedPath';

const NONCE = 'arenalab-test';
const header = (sha: string, subject: string, body = '') =>
  `\0\0${NONCE}\0${sha}\0\0Ann\0ann@example.com\x002024-01-01T00:00:00+01:00\0${subject}\0${body}\0${NONCE}-end\0\n\n`;

const OUTPUT =
  header('a'.repeat(40), 'first', 'line\n\0\0not a header\ndiff --git a/x b/x\n') +
  'diff --git a/f one.txt b/f one.txt\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/f one.txt\t\n@@ -0,0 +1,2 @@\n+a\n+\n' +
  'diff --git a/old.bin b/old.bin\ndeleted file mode 100644\nindex 1111111..0000000\nBinary files a/old.bin and /dev/null differ\n' +
  header('b'.repeat(40), 'second') +
  'diff --git a/src/x.ts "b/src/t\\tab.ts"\nsimilarity index 90%\nrename from src/x.ts\nrename to "src/t\\tab.ts"\nindex 1..2 100644\n--- a/src/x.ts\n+++ "b/src/t\\tab.ts"\n' +
  '@@ -1,2 +1,2 @@\n ctx\n--- not a header, a removed line\n+++ not a header, an added line\n\\ No newline at end of file\n' +
  'diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n';

function parseAll(chunks: string[], config?: GitLogParserConfig): GitCommit[] {
  const parser = new GitLogParser(NONCE, config);
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

describe('GitLogParser', () => {
  const commits = parseAll([OUTPUT]);

  it('splits commits on the NUL-framed headers only, whatever the message holds', () => {
    assert.equal(commits.length, 2);
    assert.equal(commits[0].body, 'line\n\0\0not a header\ndiff --git a/x b/x');
    assert.deepEqual([commits[0].authorName, commits[0].authorEmail, commits[0].date, commits[0].parents], ['Ann', 'ann@example.com', '2024-01-01T00:00:00+01:00', []]);
  });

  it('reads adds, deletes, binaries, quoted renames and counts hunk lines, not look-alike headers', () => {
    assert.deepEqual(commits[0].files.map((f) => [f.path, f.status, f.additions, f.deletions, f.binary]), [
      ['f one.txt', 'added', 2, 0, false],
      ['old.bin', 'deleted', 0, 0, true],
    ]);
    const [renamed, gone] = commits[1].files;
    assert.deepEqual([renamed.path, renamed.oldPath, renamed.status, renamed.additions, renamed.deletions], ['src/t\tab.ts', 'src/x.ts', 'renamed', 1, 1]);
    assert.match(renamed.patch, /^@@ -1,2 \+1,2 @@\n ctx\n--- not a header/);
    assert.match(renamed.patch, /\\ No newline at end of file\n$/);
    assert.deepEqual([gone.path, gone.status, gone.deletions, gone.oldPath], ['gone.txt', 'deleted', 1, undefined]);
  });

  it('ends a hunk whose line counts were off at the next non-hunk line', () => {
    const output = header('d'.repeat(40), 'odd') + 'diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,9 +1,9 @@\n-x\n+y\ndiff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -1 +1 @@\n-p\n+q\n';
    assert.deepEqual(parseAll([output])[0].files.map((f) => [f.path, f.additions, f.deletions]), [['a', 1, 1], ['b', 1, 1]]);
  });

  it('gives the same result however the output is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: OUTPUT.length }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), OUTPUT.length];
        const chunks = points.slice(1).map((end, i) => OUTPUT.slice(points[i], end));
        assert.deepEqual(parseAll(chunks), commits);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('bounds memory on huge lines and patches, still counting every line', () => {
    const longLine = '+' + 'x'.repeat(5000);
    const output = header('c'.repeat(40), 'big') + 'diff --git a/m.js b/m.js\n--- a/m.js\n+++ b/m.js\n@@ -1 +1,3 @@\n-old\n' + `${longLine}\n+tail\n+end\n`;
    const config = { maxPatchChars: 1000, maxLineChars: 100 };
    const chunks = output.match(/[\s\S]{1,64}/g) ?? [];
    const [file] = parseAll(chunks, config)[0].files;
    assert.deepEqual([file.additions, file.deletions, file.truncated], [3, 1, true]);
    assert.ok(file.patch.length <= 1000);
  });
});

describe('git path quoting', () => {
  it('unquotes C-style escapes and octal UTF-8 bytes', () => {
    assert.equal(unquoteGitPath('"a\\tb\\"c\\\\d"'), 'a\tb"c\\d');
    assert.equal(unquoteGitPath('"caf\\303\\251.txt"'), 'café.txt');
    assert.equal(unquoteGitPath('plain name.txt'), 'plain name.txt');
  });

  it('splits diff --git lines with spaces, quotes and identical halves', () => {
    assert.deepEqual(parseDiffGitLine('diff --git a/x y.txt b/x y.txt'), { oldPath: 'x y.txt', newPath: 'x y.txt' });
    assert.deepEqual(parseDiffGitLine('diff --git "a/t\\tx" "b/t\\tx"'), { oldPath: 't\tx', newPath: 't\tx' });
    assert.deepEqual(parseDiffGitLine('diff --git a/p b/q'), { oldPath: 'p', newPath: 'q' });
  });
});
