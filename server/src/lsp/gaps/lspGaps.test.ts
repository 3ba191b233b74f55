import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GapsResult } from '@arenalab/protocol';
import { changeTestConfiguration, initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Over stdio: the Weak areas view's request against the real server on a workspace with a folder the
// creature knows (the same module repeated) and one it cannot (every line unique).
describe('arenalab lsp --stdio: arenalab/gaps (protocol test)', function () {
  this.timeout(60_000);
  let workspace: string;
  let server: TestServer;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-lsp-gaps-'));
    const known = ['export function add(a: number, b: number): number {', '  const total = a + b;', '  console.log(total);', '  return total;', '}', ''].join('\n');
    fs.mkdirSync(path.join(workspace, 'src', 'known'), { recursive: true });
    fs.mkdirSync(path.join(workspace, 'src', 'unknown'), { recursive: true });
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(workspace, 'src', 'known', `m${i}.ts`), known);
    for (let i = 0; i < 6; i++) {
      const lines = Array.from({ length: 6 }, (_, j) => `const value${i}x${j} = compute${j * 7 + i}(input${i + j});`);
      fs.writeFileSync(path.join(workspace, 'src', 'unknown', `u${i}.ts`), lines.join('\n') + '\n');
    }
    server = startTestServer(workspace);
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers the weakest areas of the first folder, with the lines that failed', async () => {
    const result = await server.client.sendRequest<GapsResult>('arenalab/gaps', { top: 3 });
    assert.equal(result.root, workspace);
    assert.ok(result.observations.next_line_cases > 20, JSON.stringify(result.observations));
    assert.ok(result.areas.length > 0 && result.areas.length <= 3);
    const [weakest] = result.areas;
    assert.deepEqual([weakest.domain, weakest.action], ['typescript src/unknown', 'declaration']);
    assert.equal(weakest.em, 0);
    assert.ok(weakest.targeted.length > 0 && weakest.targeted.every((t) => t.ref.startsWith('src/unknown/') && t.correct === false));
  });

  it('ignores malformed params rather than failing', async () => {
    const result = await server.client.sendRequest<GapsResult>('arenalab/gaps', { top: -4, maxFiles: 'x' });
    assert.ok(result.areas.length > 3, `the default top (10) applies: ${result.areas.length} areas`);
    assert.ok(result.observations.next_line_cases > 20);
  });

  it("measures coverage at the user's show threshold, arenalab.confidenceThreshold, not the engine's default", async () => {
    const atDefault = await server.client.sendRequest<GapsResult>('arenalab/gaps', { top: 3 });
    assert.ok(atDefault.areas.some((area) => area.coverage < 1), JSON.stringify(atDefault.areas.map((a) => a.coverage)));
    await changeTestConfiguration(server, { confidenceThreshold: 0 });
    try {
      const everyShown = await server.client.sendRequest<GapsResult>('arenalab/gaps', { top: 3 });
      assert.ok(everyShown.areas.length > 0);
      assert.deepEqual(everyShown.areas.map((area) => area.coverage), everyShown.areas.map(() => 1), 'at threshold 0 every case is shown');
    } finally {
      await changeTestConfiguration(server, {});
    }
  });
});
