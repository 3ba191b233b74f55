import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { ExplainResult } from '@arenalab/protocol';
import { INSERT_HEADER, insertFunction, PREDICTED_INSERT_BLOCK, writeInsertWorkspace } from '../testing/insertWorkspace';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// The completion index saved in the store and loaded at the next start, and completions answered while the
// indexing thread is busy: the real server over stdio with a vscode-jsonrpc client.
describe('arenalab lsp --stdio: saved completion index and indexing off the main thread (protocol test)', function () {
  let workspace: string;
  let store: string;
  let server: TestServer | undefined;

  /** Asks for the line after a new insert function's first two lines in `name`; the texts and their source files. */
  async function suggest(running: TestServer, name: string, lines: string[]): Promise<{ texts: string[]; sources: string[] }> {
    const uri = pathToFileURL(path.join(workspace, name)).href;
    await running.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: [...lines, ''].join('\n') } });
    const items = await running.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: lines.length, character: 0 }, context: { triggerKind: 1 } });
    const sources: string[] = [];
    for (const item of items) {
      const explained = await running.client.sendRequest<ExplainResult>('arenalab/explain', { suggestionId: String(item.command?.arguments?.[0]) });
      sources.push(...explained.sources.map((s) => s.file ?? ''));
    }
    await running.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return { texts: items.map((i) => (typeof i.insertText === 'string' ? i.insertText : i.insertText.value).trim()), sources };
  }

  const probe = [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2)];

  beforeEach(() => {
    workspace = writeInsertWorkspace('arenalab-saved-index-ws-');
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-saved-index-store-'));
  });

  afterEach(() => {
    if (server !== undefined && server.child.exitCode === null) server.child.kill();
    server = undefined;
    for (const dir of [workspace, store]) fs.rmSync(dir, { recursive: true, force: true });
  });

  function start(env: NodeJS.ProcessEnv = {}): TestServer {
    server = startTestServer(workspace, { ...process.env, ARENALAB_STORE: store, ...env });
    server.config = { confidenceThreshold: 0 };
    return server;
  }

  it('saves the index at the first start and loads it at the second, which answers the same', async () => {
    const first = start();
    const built = await initializeTestServer(first, [workspace]);
    assert.equal(built.indexSource, 'built');
    await first.logged(/completion index: saved to /);
    assert.ok(first.logs.some((l) => /completion index: indexed from scratch \(no saved index/.test(l)), first.logs.join('\n'));
    const before = await suggest(first, 'c.ts', probe);
    assert.equal(before.texts[0], PREDICTED_INSERT_BLOCK);
    await stopTestServer(first);
    assert.ok(fs.existsSync(path.join(store, 'completion-index.bin')));

    const second = start();
    const loaded = await initializeTestServer(second, [workspace]);
    assert.deepEqual([loaded.indexSource, loaded.files], ['saved', built.files]);
    assert.match(loaded.message, /saved index loaded/);
    assert.ok(second.logs.some((l) => /completion index: loaded the saved index \(3 unchanged, 0 re-indexed, 0 new, 0 removed\)/.test(l)), second.logs.join('\n'));
    assert.deepEqual(await suggest(second, 'c.ts', probe), before);
    await stopTestServer(second);
  });

  it('rebuilds from a corrupt saved index, saying why in the log', async () => {
    const first = start();
    await initializeTestServer(first, [workspace]);
    await first.logged(/completion index: saved to /);
    await stopTestServer(first);
    const file = path.join(store, 'completion-index.bin');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const second = start();
    const ready = await initializeTestServer(second, [workspace]);
    assert.equal(ready.indexSource, 'built');
    assert.ok(second.logs.some((l) => /indexed from scratch \(the saved index is unusable \(index file: checksum mismatch/.test(l)), second.logs.join('\n'));
    assert.equal((await suggest(second, 'c.ts', probe)).texts[0], PREDICTED_INSERT_BLOCK);
    await stopTestServer(second);
  });

  it('answers a completion in an open file while the indexing thread is still busy', async () => {
    const gate = path.join(store, 'gate');
    const running = start({ ARENALAB_TEST_INDEX_GATE: gate });
    const folder = { uri: pathToFileURL(workspace).href, name: path.basename(workspace) };
    await running.client.sendRequest('initialize', { processId: process.pid, rootUri: folder.uri, workspaceFolders: [folder], capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } } });
    const ready = running.nextReady();
    await running.client.sendNotification('initialized', {});
    // Indexing has begun, so the settings (threshold 0) are in place.
    await running.status('indexing');
    // The indexing thread blocks until the gate exists; the open document itself holds the pattern to continue.
    const own = [...insertFunction('addUser'), '', ...insertFunction('addAdmin'), '', ...insertFunction('addGuest').slice(0, 2)];
    const answer = await suggest(running, 'open.ts', own);
    assert.deepEqual(running.statuses.filter((s) => s.state === 'ready'), [], 'answered before the index was ready');
    assert.equal(answer.texts[0], PREDICTED_INSERT_BLOCK);
    assert.ok(answer.sources.every((s) => s === 'open.ts'), answer.sources.join());
    fs.writeFileSync(gate, '');
    assert.equal((await ready).files, 3);
    await stopTestServer(running);
  });
});
