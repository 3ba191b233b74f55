import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTinyWorkspace } from '../api/apiTestSupport';

// `arenalab chat --workspace DIR` as a user runs it on a fresh folder: no store, the code answers.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');

describe('arenalab chat --workspace (real process)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-chat-ws-'));
    writeTinyWorkspace(path.join(dir, 'ws'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers a code question from the folder when there is no store yet, and creates none', () => {
    const store = path.join(dir, 'store');
    const run = spawnSync(process.execPath, [launcher, 'chat', 'Where is handle_gamma defined?', '--workspace', path.join(dir, 'ws'), '--store', store, '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, ARENALAB_LLM_BASE_URL: '' }, timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const answer = JSON.parse(run.stdout) as { method: string; text: string; source: string; provenance: { file?: string }[] };
    assert.equal(answer.method, 'definition');
    assert.match(answer.text, /`handle_gamma` \(function\) at lib\/gamma\.ts:1/);
    assert.equal(answer.provenance[0].file, 'lib/gamma.ts');
    assert.match(answer.source, /^the code of /);
    assert.equal(fs.existsSync(store), false);
  });

  it('without --workspace still needs the store', () => {
    const run = spawnSync(process.execPath, [launcher, 'chat', 'Where is handle_gamma defined?', '--store', path.join(dir, 'store')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no span store at/);
  });
});
