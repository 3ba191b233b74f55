import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancelledError, gitCommitsToSpans, sha256Hex, type GitCommit, type Span } from '@arenalab/core';
import { gitEnvironment, safeGitArguments } from '../host';
import { GitHistoryError, readGitHistory } from './gitHistory';

const golden = path.resolve(__dirname, '../../../test-fixtures/git/history.golden.json');

/** A git repository in a temp folder, isolated from the user's git config, with fixed identity and dates. */
class TempRepo {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-git-'));
  tick = 0;

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    const date = new Date(Date.UTC(2024, 0, 1, 9, 0, 0) + this.tick * 3600_000).toISOString();
    const env = gitEnvironment({ GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    const identity = ['-c', 'user.name=Zoë Tester', '-c', 'user.email=zoe@example.com', '-c', 'commit.gpgsign=false'];
    return execFileSync('git', safeGitArguments([...identity, ...args]), { cwd: this.dir, env, encoding: 'utf8' });
  }

  write(file: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
  }

  commit(message: string): void {
    this.tick++;
    const messageFile = path.join(this.dir, '.git', 'MSG');
    fs.writeFileSync(messageFile, message);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '--allow-empty-message', '-F', messageFile);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function buildHistory(repo: TempRepo): void {
  repo.write('src/app.ts', 'export const answer = 42;\n\nexport function greet(name: string) {\n  return `hi ${name}`;\n}\n');
  repo.write('README.md', '# Demo\n\nA tiny repository.\n');
  repo.commit('Initial commit');
  repo.write('src/app.ts', 'export const answer = 43;\n\nexport function greet(name: string) {\n  return `hello ${name}`;\n}\n');
  repo.write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 255]));
  repo.commit('Fix ünïcödé 🚀 greeting\n\nBody line one.\n\ndiff --git a/fake b/fake\n@@ -1 +1 @@\n\u001e record separator, tab\there\n');
  repo.git('mv', 'src/app.ts', 'src/main.ts');
  repo.write('src/main.ts', 'export const answer = 43;\n\nexport function greet(name: string) {\n  return `hello ${name}!`;\n}\n');
  fs.rmSync(path.join(repo.dir, 'README.md'));
  repo.commit('Rename app to main, drop README');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write('tools/feature.py', 'def feature():\n    return "feature"\n');
  repo.commit('Add feature script');
  repo.git('checkout', '-q', 'main');
  repo.write('docs/naïve notes.md', 'no trailing newline');
  repo.write('docs/tab\tname.txt', 'odd name\n');
  repo.commit('Docs with odd file names');
  repo.tick++;
  repo.git('merge', '-q', '--no-ff', '-m', "Merge branch 'feature'", 'feature');
  repo.write('data/big.txt', Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n') + '\n');
  repo.commit('Add a big generated file (>64 KB diff)');
  repo.write('src/main.ts', 'export const answer = 44;\n');
  repo.commit('');
}

async function collect(iterable: AsyncIterable<GitCommit>): Promise<GitCommit[]> {
  const commits: GitCommit[] = [];
  for await (const commit of iterable) commits.push(commit);
  return commits;
}

/** Long outcomes are summarised in the golden file so that it stays readable. */
function goldenView(spans: Span[]): unknown[] {
  return spans.map((span) =>
    span.if_ok && span.if_ok.length > 4096 ? { ...span, if_ok: `sha256:${sha256Hex(span.if_ok)} (${span.if_ok.length} chars)` } : span,
  );
}

describe('readGitHistory on a real temporary repository', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let commits: GitCommit[];
  before(async () => {
    repo = new TempRepo();
    buildHistory(repo);
    commits = await collect(readGitHistory(repo.dir));
  });
  after(() => repo.remove());

  it('matches the golden spans (UPDATE_GOLDEN=1 rewrites them)', () => {
    const actual = goldenView(gitCommitsToSpans(commits, { repo: 'golden-repo' }));
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    }
    assert.deepEqual(actual, JSON.parse(fs.readFileSync(golden, 'utf8')));
  });

  it('walks the first-parent line oldest first and shows the merge as its diff', () => {
    assert.deepEqual(commits.map((c) => c.subject), [
      'Initial commit', 'Fix ünïcödé 🚀 greeting', 'Rename app to main, drop README', 'Docs with odd file names',
      "Merge branch 'feature'", 'Add a big generated file (>64 KB diff)', '',
    ]);
    const merge = commits[4];
    assert.equal(merge.parents.length, 2);
    assert.deepEqual(merge.files.map((f) => [f.path, f.status]), [['tools/feature.py', 'added']]);
  });

  it('keeps odd messages intact, and reads renames, deletes, binaries and odd names', () => {
    assert.equal(commits[1].body, 'Body line one.\n\ndiff --git a/fake b/fake\n@@ -1 +1 @@\n\u001e record separator, tab\there');
    assert.equal(commits[1].authorName, 'Zoë Tester');
    assert.equal(commits[1].date, '2024-01-01T11:00:00Z'.replace('Z', '+00:00'));
    const logo = commits[1].files.find((f) => f.path === 'assets/logo.png');
    assert.deepEqual(logo && { binary: logo.binary, patch: logo.patch, status: logo.status }, { binary: true, patch: '', status: 'added' });
    const changes = commits[2].files.map((f) => [f.path, f.status, f.oldPath]);
    assert.deepEqual(changes, [['README.md', 'deleted', undefined], ['src/main.ts', 'renamed', 'src/app.ts']]);
    assert.deepEqual(commits[3].files.map((f) => f.path), ['docs/naïve notes.md', 'docs/tab\tname.txt']);
    assert.match(commits[3].files[0].patch, /\\ No newline at end of file\n$/);
  });

  it('truncates a huge diff at 64 KiB of patch but counts every line', () => {
    const big = commits[5].files[0];
    assert.equal(big.truncated, true);
    assert.ok(big.patch.length <= 64 * 1024 && big.patch.length > 60 * 1024, String(big.patch.length));
    assert.equal(big.additions, 3000);
    assert.ok(big.patch.endsWith('\n'), 'cut at a line boundary');
  });

  it('honours maxCommits and onCommit', async () => {
    const seen: number[] = [];
    const last = await collect(readGitHistory(repo.dir, { maxCommits: 2, onCommit: (_c, n) => seen.push(n) }));
    assert.deepEqual(last.map((c) => c.sha), commits.slice(-2).map((c) => c.sha));
    assert.deepEqual(seen, [1, 2]);
  });
});

describe('readGitHistory errors and cancellation', function () {
  this.timeout(60_000);

  it('reports a folder that is not a git repository, and a missing folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-nogit-'));
    try {
      await assert.rejects(collect(readGitHistory(dir)), (e: unknown) => e instanceof GitHistoryError && e.code === 'not_a_repository');
      await assert.rejects(collect(readGitHistory(path.join(dir, 'missing'))), (e: unknown) => e instanceof GitHistoryError && e.code === 'not_a_directory');
      await assert.rejects(collect(readGitHistory(dir, { gitPath: path.join(dir, 'no-such-git') })), (e: unknown) => e instanceof GitHistoryError && e.code === 'git_missing');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('yields nothing for a repository without commits', async () => {
    const repo = new TempRepo();
    try {
      assert.deepEqual(await collect(readGitHistory(repo.dir)), []);
    } finally {
      repo.remove();
    }
  });

  it('stops git when cancelled: throws CancelledError and leaves no git process behind', async () => {
    const repo = new TempRepo();
    try {
      const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
      const stream = Array.from({ length: 3000 }, (_, i) =>
        `commit refs/heads/main\ncommitter A <a@x> ${1700000000 + i} +0000\n${data(`c${i}`)}M 644 inline f${i % 50}.txt\n${data(`${i}\n`)}`,
      ).join('');
      execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: stream });
      const token = { isCancelled: false };
      let read = 0;
      await assert.rejects(
        collect(readGitHistory(repo.dir, { token, onCommit: () => { read++; if (read === 5) token.isCancelled = true; } })),
        CancelledError,
      );
      assert.ok(read < 3000, `read ${read} commits`);
      const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
      assert.doesNotMatch(children, /git .*log --reverse/);
    } finally {
      repo.remove();
    }
  });
});
