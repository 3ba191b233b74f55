import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveTeamDataset, writeTinyWorkspace } from '../api/apiTestSupport';
import type { CreatureListing } from './commands/creature';

// `arenalab creature list|show` as a user runs it, on a workspace and a store with one dataset.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ARENALAB_LLM_BASE_URL: '', ARENALAB_LLM_MODEL: '' }, timeout: 60_000 });
}

describe('arenalab creature list|show (real process)', function () {
  this.timeout(120_000);
  let dir: string;
  let workspace: string;
  let store: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-creature-'));
    workspace = path.join(dir, 'ws');
    store = path.join(dir, 'store');
    writeTinyWorkspace(workspace);
    await saveTeamDataset(store);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the dataset, workspace code and workspace knowledge creatures with their profiles (--json)', () => {
    const listed = run('creature', 'list', '--workspace', workspace, '--store', store, '--json');
    assert.equal(listed.status, 0, listed.stderr);
    const creatures = JSON.parse(listed.stdout) as CreatureListing[];
    assert.deepEqual(creatures.map((c) => [c.id, c.capabilities]), [['team@1.0.0', ['chat']], ['workspace', ['chat', 'code']], ['workspace-knowledge', ['chat']]]);
    const [team, code, knowledge] = creatures;
    assert.equal(team.profile?.sizeUnit, 'answered questions');
    assert.ok((team.profile?.size ?? 0) > 0);
    assert.equal(typeof team.profile?.meanQuality, 'number');
    assert.ok(team.profile?.actionTypes.includes('ask_question'));
    assert.deepEqual(code.profile?.languages, ['typescript']);
    assert.equal(code.profile?.sizeUnit, 'windows');
    assert.deepEqual(knowledge.profile?.accuracyByDomain, {}, 'nothing measured yet');
  });

  it('prints a table, one creature in full, and refuses an unknown one with the names there are', () => {
    const table = run('creature', 'list', '--workspace', workspace, '--store', store);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^creature\s+answers\s+size\s+languages\s+measured accuracy$/m);
    assert.match(table.stdout, /^workspace-knowledge\s+chat\s+\d+ lines\s+typescript\s+not measured yet$/m);
    const shown = run('creature', 'show', 'workspace', '--workspace', workspace, '--store', store);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^workspace \(chat and code\)$/m);
    assert.match(shown.stdout, /^ {2}languages: +typescript$/m);
    const unknown = run('creature', 'show', 'nope', '--workspace', workspace, '--store', store);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^arenalab: no creature named nope; these are: team@1\.0\.0, workspace, workspace-knowledge$/m);
  });
});
