import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitAll, initTestRepo } from './gitTestRepo';
import { GitOutputTooLargeError, runGit } from './runGit';

describe('runGit: every git call with one safe configuration', () => {
  let repo: string;
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-rungit-'));
    initTestRepo(repo);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("pins the settings a repository's own configuration could change", async () => {
    fs.appendFileSync(path.join(repo, '.git', 'config'), '[diff]\n\tnoprefix = true\n\tmnemonicPrefix = true\n[core]\n\tquotepath = true\n\tfsmonitor = true\n[log]\n\tshowSignature = true\n');
    for (const [key, value] of [['diff.noprefix', 'false'], ['diff.mnemonicPrefix', 'false'], ['core.quotepath', 'off'], ['core.fsmonitor', 'false'], ['log.showSignature', 'false']]) {
      const run = await runGit(['config', '--get', key], { cwd: repo });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.toString('utf8').trim(), value, key);
    }
  });

  it('runs without a pager and with untranslated messages', async () => {
    const pager = await runGit(['var', 'GIT_PAGER'], { cwd: repo });
    assert.equal(pager.stdout.toString('utf8').trim(), 'cat');
    const failed = await runGit(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo });
    assert.equal(failed.code, 128);
    assert.match(failed.stderr, /^fatal: Needed a single revision$/);
  });

  it('answers the output as bytes; a missing git rejects with ENOENT; output over the limit kills git', async () => {
    fs.writeFileSync(path.join(repo, 'big.txt'), 'x'.repeat(10_000));
    commitAll(repo, 1);
    const blob = await runGit(['cat-file', 'blob', 'HEAD:big.txt'], { cwd: repo });
    assert.equal(blob.code, 0);
    assert.equal(blob.stdout.length, 10_000);
    await assert.rejects(runGit(['status'], { cwd: repo, gitPath: path.join(repo, 'no-git-here') }), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
    await assert.rejects(runGit(['cat-file', 'blob', 'HEAD:big.txt'], { cwd: repo, maxOutputBytes: 100 }), GitOutputTooLargeError);
  });
});
