import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveTeamDataset, startServe, writeTinyWorkspace } from '../api/apiTestSupport';
import { SpanStore } from '../store';
import { sampleSpan } from '../store/sampleSpan';

// `arenalab serve` as a user runs it: a child process on the built launcher, stopped with SIGTERM.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');
const KEY = 'sk-serve-cli-test-key';

describe('arenalab serve (real process)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-serve-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves the dataset and the workspace with keys from ARENALAB_API_KEYS, logs JSON lines, and stops cleanly on SIGTERM', async () => {
    const store = path.join(dir, 'store');
    const workspace = path.join(dir, 'ws');
    writeTinyWorkspace(workspace);
    await saveTeamDataset(store);
    const writer = await SpanStore.open(store, { mode: 'write' });
    await writer.append([sampleSpan('a'), sampleSpan('b')]);
    const headHash = writer.headHash;
    await writer.close();
    const running = await startServe(['--store', store, '--dataset', 'team', '--workspace', workspace], { ARENALAB_API_KEYS: `other-key-123456, ${KEY}` });
    const listening = running.logs.find((entry) => entry.msg === 'listening')!;
    assert.deepEqual(listening.creatures, ['team@1.0.0', 'workspace', 'workspace-knowledge']);
    assert.equal(listening.auth, '2 API key(s)');
    const models = await fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
    assert.equal(models.status, 200);
    type Model = { id: string; arenalab: { ledger_hash: string | null; ledger_kind: string | null } };
    const listed = ((await models.json()) as { data: Model[] }).data;
    assert.deepEqual(listed.map((m) => m.id), ['team@1.0.0', 'workspace', 'workspace-knowledge']);
    assert.deepEqual(listed[1].arenalab, { ...listed[1].arenalab, ledger_hash: headHash, ledger_kind: 'store_head_hash' }, 'the workspace creature is pinned by the store chain head');
    const health = (await (await fetch(`${running.url}/health`)).json()) as { store: { ok: boolean; records: number; head_hash: string } };
    assert.deepEqual([health.store.ok, health.store.records, health.store.head_hash], [true, 2, headHash]);
    assert.equal((await fetch(`${running.url}/v1/models`)).status, 401);
    running.kill('SIGTERM');
    assert.equal(await running.exited, 0);
    const messages = running.logs.map((entry) => entry.msg);
    assert.equal(messages.filter((m) => m === 'request').length, 3);
    assert.ok(messages.includes('stopped'));
    assert.ok(running.logs.every((entry) => typeof entry.time === 'string' && typeof entry.level === 'string'));
  });

  it('refuses a public address without keys, nothing to serve, an unknown dataset and a bad keys file, with one clear line each', () => {
    const workspace = path.join(dir, 'ws');
    writeTinyWorkspace(workspace);
    const env = { ...process.env, ARENALAB_API_KEYS: '' };
    const open = spawnSync(process.execPath, [launcher, 'serve', '--port', '0', '--host', '0.0.0.0', '--workspace', workspace], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(open.status, 1);
    assert.match(open.stderr, /^arenalab: refusing to serve on 0\.0\.0\.0 without API keys/m);
    const nothing = spawnSync(process.execPath, [launcher, 'serve', '--port', '0'], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(nothing.status, 1);
    assert.match(nothing.stderr, /^arenalab: nothing to serve: give --workspace DIR/m);
    const missing = spawnSync(process.execPath, [launcher, 'serve', '--port', '0', '--store', path.join(dir, 'empty'), '--dataset', 'nope'], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^arenalab: no dataset named nope/m);
    const keysFile = path.join(dir, 'keys.txt');
    fs.writeFileSync(keysFile, '# team\nshort\n');
    const badKeys = spawnSync(process.execPath, [launcher, 'serve', '--port', '0', '--api-keys-file', keysFile, '--workspace', workspace], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(badKeys.status, 1);
    assert.match(badKeys.stderr, /^arenalab: .*keys\.txt:2: an API key is one word of at least 8 characters$/m);
  });
});
