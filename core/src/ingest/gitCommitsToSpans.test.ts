import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { validateSpan } from '../spans/validateSpan';
import type { GitCommit, GitFileChange } from './gitCommit';
import { environmentForPath, gitChangeSpanId, gitCommitsToSpans, GitSpanConverter } from './gitCommitsToSpans';

const change = (path: string, extra: Partial<GitFileChange> = {}): GitFileChange => ({
  path, status: 'modified', additions: 1, deletions: 0, binary: false, patch: '@@ -0,0 +1 @@\n+x\n', truncated: false, ...extra,
});

const commit = (n: number, files: GitFileChange[]): GitCommit => ({
  sha: String(n).repeat(40).slice(0, 40), parents: [], authorName: 'Ada', authorEmail: 'ada@example.com',
  date: `2024-01-0${n}T12:00:00+02:00`, subject: `change ${n}`, body: '', files,
});

describe('gitCommitsToSpans', () => {
  const history = [
    commit(1, [change('src/a.ts', { status: 'added' }), change('README.md', { status: 'added' })]),
    commit(2, [change('src/b.ts', { status: 'renamed', oldPath: 'src/a.ts' }), change('logo.png', { status: 'added', binary: true, patch: '', additions: 0 })]),
    commit(3, [change('src/b.ts'), change('README.md', { status: 'deleted', deletions: 4 })]),
    commit(4, []),
    commit(5, [change('README.md', { status: 'added' })]),
  ];
  const spans = gitCommitsToSpans(history, { repo: 'demo' });

  it('makes one valid span per file change, none for an empty commit', () => {
    assert.equal(spans.length, 7);
    for (const span of spans) assert.equal(validateSpan(span).ok, true, JSON.stringify(validateSpan(span)));
  });

  it('links each change to the previous change of the same file, across renames and deletes', () => {
    const byKey = new Map(spans.map((span) => [`${String(span.metadata?.sha).slice(0, 1)}:${span.this.split(':')[0]}`, span]));
    assert.deepEqual(byKey.get('2:src/b.ts')?.context?.previous_spans, [byKey.get('1:src/a.ts')?.id]);
    assert.deepEqual(byKey.get('3:src/b.ts')?.context?.previous_spans, [byKey.get('2:src/b.ts')?.id]);
    assert.deepEqual(byKey.get('5:README.md')?.context?.previous_spans, [byKey.get('3:README.md')?.id]);
    assert.deepEqual(byKey.get('1:src/a.ts')?.context?.previous_spans, []);
  });

  it('fills who, did, this, when (UTC), if_ok and metadata', () => {
    const renamed = spans[2];
    assert.equal(renamed.who, 'Ada');
    assert.equal(renamed.did, 'commit');
    assert.equal(renamed.this, 'src/b.ts: change 2');
    assert.equal(renamed.when, '2024-01-02T10:00:00.000Z');
    assert.equal(renamed.if_ok, '@@ -0,0 +1 @@\n+x\n');
    assert.deepEqual(renamed.metadata, {
      repo: 'demo', sha: '2'.repeat(40), author_email: 'ada@example.com', additions: 1, deletions: 0, change: 'renamed', old_path: 'src/a.ts',
    });
    assert.equal(spans[3].if_ok, 'added binary file (no textual diff)');
    assert.equal(spans[3].metadata?.binary, true);
  });

  it('uses sp_ + the first 24 hex of sha256(repo + sha + path) as id', () => {
    const expected = 'sp_' + createHash('sha256').update('demo' + '1'.repeat(40) + 'src/a.ts').digest('hex').slice(0, 24);
    assert.equal(gitChangeSpanId('demo', '1'.repeat(40), 'src/a.ts'), expected);
    assert.equal(spans[0].id, expected);
  });

  it('gives the same spans whether fed commit by commit or all at once', () => {
    const converter = new GitSpanConverter({ repo: 'demo' });
    assert.deepEqual(history.flatMap((c) => converter.convert(c)), spans);
  });

  it('maps extensions to slash-path domains', () => {
    assert.equal(environmentForPath('src/x.ts'), 'programming/typescript');
    assert.equal(environmentForPath('lib/x.PY'), 'programming/python');
    assert.equal(environmentForPath('docker/Dockerfile'), 'devops/docker');
    assert.equal(environmentForPath('LICENSE'), 'general');
    assert.equal(environmentForPath('.gitignore'), 'general');
    assert.equal(environmentForPath('data.unknownext'), 'general');
  });
});
