import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { ExplainResult } from '@arenalab/protocol';
import { INSERT_HEADER, insertFunction, PREDICTED_INSERT_BLOCK, PREDICTED_INSERT_LINE, writeInsertWorkspace } from '../testing/insertWorkspace';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Several workspace folders, added and removed while the server runs, and watched files judged as the folder walker
// judges them: the real server over stdio with a vscode-jsonrpc client.
const removal = (name: string) => [`export function ${name}(db: Db, name: string) {`, "  const gone = db.remove('users', { name });", '  audit.push(gone.id);', '}', ''].join('\n');
const PROBE_CONTEXT = ['export function probe(db: Db, key: string) {', '  const marker = db.find(key);'];
const probeFile = (name: string, extra: string[] = []) => [...extra, ...PROBE_CONTEXT, `  trace_${name}(marker);`, '}', ''].join('\n');

describe('arenalab lsp --stdio: multi-root workspaces and watched files (protocol test)', function () {
  let rootA: string;
  let rootB: string;
  let server: TestServer;
  const folder = (root: string) => ({ uri: pathToFileURL(root).href, name: path.basename(root) });
  const uriIn = (root: string, name: string) => pathToFileURL(path.join(root, name)).href;

  /** Opens `name` in folder B with `lines` and a blank line, and asks for completions on that blank line. */
  async function suggestIn(name: string, lines: string[]): Promise<{ texts: string[]; sources: string[] }> {
    const uri = uriIn(rootB, name);
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: [...lines, ''].join('\n') } });
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: lines.length, character: 0 }, context: { triggerKind: 1 } });
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const sources: string[] = [];
    for (const item of items) {
      const explained = await server.client.sendRequest<ExplainResult>('arenalab/explain', { suggestionId: String(item.command?.arguments?.[0]) });
      sources.push(...explained.sources.map((s) => s.file ?? ''));
    }
    return { texts: items.map((i) => i.insertText.toString().trim()), sources };
  }

  async function changeFolders(event: { added: string[]; removed: string[] }) {
    const ready = server.nextReady();
    await server.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: event.added.map(folder), removed: event.removed.map(folder) } });
    return ready;
  }

  before(() => {
    rootA = writeInsertWorkspace('arenalab-root-a-');
    rootB = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-root-b-'));
    fs.writeFileSync(path.join(rootB, 'b1.ts'), removal('dropUser'));
    fs.writeFileSync(path.join(rootB, 'b2.ts'), removal('dropAdmin'));
    fs.writeFileSync(path.join(rootB, '.gitignore'), 'ignored/\nskip.ts\n');
    server = startTestServer(rootA);
    server.config = { confidenceThreshold: 0, excludes: ['*.spec.ts'] };
  });

  after(() => {
    if (server.child.exitCode === null) server.child.kill();
    for (const root of [rootA, rootB]) fs.rmSync(root, { recursive: true, force: true });
  });

  it('announces workspace folder support and indexes the one folder it starts with', async () => {
    const ready = await initializeTestServer(server, [rootA]);
    assert.equal(ready.files, 3);
  });

  it('indexes an added folder, and suggests across folders with folder-prefixed sources', async () => {
    const ready = await changeFolders({ added: [rootB], removed: [] });
    assert.equal(ready.files, 5, server.logs.join('\n'));
    const removalNext = await suggestIn('g.ts', ['export function dropGuest(db: Db, name: string) {', "  const gone = db.remove('users', { name });"]);
    assert.equal(removalNext.texts[0], 'audit.push(gone.id);');
    assert.ok(removalNext.sources.includes(`${path.basename(rootB)}/b1.ts`), removalNext.sources.join());
    const insertNext = await suggestIn('h.ts', [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2)]);
    assert.equal(insertNext.texts[0], PREDICTED_INSERT_BLOCK);
    assert.ok(insertNext.sources.includes(`${path.basename(rootA)}/a.ts`), insertNext.sources.join());
  });

  it('indexes a watched file only when the folder walker would list it (not gitignored, excluded, too big, generated, minified or binary), and re-lists all on a .gitignore change', async () => {
    const files: Record<string, string> = {
      'ok.ts': probeFile('ok'),
      'skip.ts': probeFile('skip'),
      'ignored/deep.ts': probeFile('ignored'),
      'x.spec.ts': probeFile('spec'),
      'node_modules/pkg/index.ts': probeFile('dependency'),
      'big.ts': probeFile('big', Array(30_000).fill('// padding line')),
      'gen.ts': probeFile('gen', ['// @generated by a tool, DO NOT EDIT']),
      'min.ts': probeFile('min', [`const table = [${'1, '.repeat(600)}];`]),
      'bin.ts': probeFile('bin', ['// \u0000\u0000']),
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(rootB, name)), { recursive: true });
      fs.writeFileSync(path.join(rootB, name), text);
    }
    const logged = server.logged(/^changed files not indexed: 8, e\.g\./);
    const applied = server.nextReady();
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: Object.keys(files).map((name) => ({ uri: uriIn(rootB, name), type: 1 })) });
    await applied;
    // The threshold is 0, so weak matches from other files show too; the probe's continuations are the trace_ lines.
    const traces = (texts: string[]) => texts.filter((t) => t.startsWith('trace_'));
    const probe = await suggestIn('probe.ts', PROBE_CONTEXT);
    assert.deepEqual(traces(probe.texts), ['trace_ok(marker);']);
    assert.match(await logged, /skip\.ts \(excluded or gitignored\), ignored\/deep\.ts \(in an excluded or gitignored folder\), x\.spec\.ts \(excluded or gitignored\)/);
    // A deletion removes what was indexed.
    fs.rmSync(path.join(rootB, 'ok.ts'));
    const removed = server.nextReady();
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(rootB, 'ok.ts'), type: 3 }] });
    await removed;
    assert.deepEqual(traces((await suggestIn('probe2.ts', PROBE_CONTEXT)).texts), []);
    // A changed .gitignore changes what the folder lists: everything is listed again.
    fs.appendFileSync(path.join(rootB, '.gitignore'), 'b2.ts\n');
    const ready = server.nextReady();
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(rootB, '.gitignore'), type: 2 }] });
    assert.equal((await ready).files, 4, 'a, b, db in A; b1 in B');
  });

  it('un-indexes a removed folder, and names the remaining folder\'s files without a prefix again', async () => {
    const ready = await changeFolders({ added: [], removed: [rootA] });
    assert.equal(ready.files, 1, server.logs.join('\n'));
    assert.ok(server.logs.includes(`the outcome store moves to ${path.join(rootB, '.arenalab')}`), 'the store follows the first folder');
    const insertNext = await suggestIn('h2.ts', [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2)]);
    assert.ok(!insertNext.sources.some((s) => s.startsWith(`${path.basename(rootA)}/`) || s === 'a.ts' || s === 'b.ts'), insertNext.sources.join());
    assert.ok(!insertNext.texts.some((t) => t.startsWith(PREDICTED_INSERT_LINE)), insertNext.texts.join());
    const removalNext = await suggestIn('g2.ts', ['export function dropGuest(db: Db, name: string) {', "  const gone = db.remove('users', { name });"]);
    assert.ok(removalNext.sources.includes('b1.ts'), removalNext.sources.join());
    const back = await changeFolders({ added: [rootA], removed: [] });
    assert.equal(back.files, 4);
    assert.equal(await stopTestServer(server), 0);
  });
});
