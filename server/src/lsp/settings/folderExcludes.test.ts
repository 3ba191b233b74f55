import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// arenalab.excludes is a `resource` setting: the real server over stdio asks for each folder's own value (the folder
// as the scope) and applies it to that folder only.
describe('arenalab.excludes per workspace folder (protocol test)', function () {
  let rootA: string;
  let rootB: string;
  let server: TestServer;
  const asked: { section?: string; scopeUri?: string }[] = [];

  before(() => {
    rootA = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-excl-a-'));
    rootB = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-excl-b-'));
    for (const root of [rootA, rootB]) {
      fs.writeFileSync(path.join(root, 'schema.gen.ts'), 'export const generated = 1;\n');
      fs.writeFileSync(path.join(root, 'main.ts'), 'export function main() {\n  return 1;\n}\n');
    }
    server = startTestServer(rootA);
    server.configFor = (item) => {
      asked.push(item);
      if (item.section === 'http') return { proxy: '' };
      // Folder B's .vscode/settings.json leaves out generated files; the window and folder A do not.
      return item.scopeUri === pathToFileURL(rootB).href ? { excludes: ['*.gen.ts'] } : { excludes: [] };
    };
  });

  after(async () => {
    await stopTestServer(server);
    for (const root of [rootA, rootB]) fs.rmSync(root, { recursive: true, force: true });
  });

  it("indexes each folder with its own excludes, asked with the folder as the scope", async () => {
    const ready = await initializeTestServer(server, [rootA, rootB]);
    assert.equal(ready.files, 3, `schema.gen.ts left out of folder B only: ${server.logs.join('\n')}`);
    assert.deepEqual(asked.map((item) => item.scopeUri ?? item.section), ['arenalab', 'http', pathToFileURL(rootA).href, pathToFileURL(rootB).href]);
  });
});
