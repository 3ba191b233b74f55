import { strict as assert } from 'node:assert';
import { chooseServerRuntime, describeRuntime } from './serverRuntime';
import { checkNode } from './nodeRuntime';
import type { VersionProbe } from './nodeRuntime';

/** A probe that answers from a table of paths, recording what was asked. */
function probeOf(versions: Record<string, string>, asked: string[] = []): VersionProbe {
  return (path) => {
    asked.push(path);
    const version = versions[path];
    return Promise.resolve(version === undefined ? { error: `spawn ${path} ENOENT` } : { stdout: `${version}\n` });
  };
}

describe('server runtime choice', () => {
  it("uses the editor's own runtime by default when its Node is new enough, without running any other Node", async () => {
    const asked: string[] = [];
    const choice = await chooseServerRuntime('', { nodeVersion: '20.19.1' }, probeOf({ node: 'v22.0.0' }, asked));
    assert.deepEqual(choice, { ok: true, runtime: { kind: 'editor', version: '20.19.1' } });
    assert.deepEqual(asked, []);
  });

  it("falls back to node on PATH, and says why, when the editor's Node is too old", async () => {
    const choice = await chooseServerRuntime('', { nodeVersion: '20.9.0' }, probeOf({ node: 'v20.19.2' }));
    assert.ok(choice.ok);
    assert.deepEqual(choice.runtime, { kind: 'external', path: 'node', version: 'v20.19.2' });
    assert.match(choice.note ?? '', /editor's runtime is Node 20\.9\.0, older than 20\.19\.0; using node on PATH/);
  });

  it('names both failures and the fix when neither the editor nor PATH has a Node new enough', async () => {
    const choice = await chooseServerRuntime('', { nodeVersion: '18.17.0' }, probeOf({}));
    assert.equal(choice.ok, false);
    if (!choice.ok) {
      assert.match(choice.problem, /Node 18\.17\.0, older than 20\.19\.0, and no Node 20\.19\.0\+ is on PATH/);
      assert.match(choice.problem, /arenalab\.server\.nodePath/);
    }
  });

  it('uses a configured Node path and only that one, even when the editor runtime would do', async () => {
    const asked: string[] = [];
    const choice = await chooseServerRuntime('/opt/node/bin/node', { nodeVersion: '22.1.0' }, probeOf({ '/opt/node/bin/node': 'v20.19.0' }, asked));
    assert.deepEqual(choice, { ok: true, runtime: { kind: 'external', path: '/opt/node/bin/node', version: 'v20.19.0' } });
    assert.deepEqual(asked, ['/opt/node/bin/node']);
    const old = await chooseServerRuntime('/opt/old/node', { nodeVersion: '22.1.0' }, probeOf({ '/opt/old/node': 'v18.0.0' }));
    assert.equal(old.ok, false);
  });

  it('checks a real Node asynchronously: this one passes, a missing path is named in the problem', async () => {
    const here = await checkNode(process.execPath);
    assert.deepEqual(here, { ok: true, version: process.version });
    const missing = await checkNode('/nonexistent/arenalab-node');
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.problem, /could not run Node at "\/nonexistent\/arenalab-node"/);
  });

  it('describes each runtime for the status bar', () => {
    assert.equal(describeRuntime({ kind: 'editor', version: '20.19.1' }), "the editor's runtime (Node 20.19.1)");
    assert.equal(describeRuntime({ kind: 'external', path: 'node', version: 'v22.3.0' }), 'node (Node 22.3.0)');
  });
});
