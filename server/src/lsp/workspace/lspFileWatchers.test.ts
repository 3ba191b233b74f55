import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { ExplainResult } from '@arenalab/protocol';
import { writeInsertWorkspace } from '../testing/insertWorkspace';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// File watching registered by the server when the client can take it (client/registerCapability), and the events
// the client then sends followed: the real server over stdio with a vscode-jsonrpc client.
const removal = (name: string, next: string) => [`export function ${name}(db: Db, name: string) {`, "  const gone = db.remove('users', { name });", `  ${next}`, '}', ''].join('\n');
const REMOVAL_CONTEXT = ['export function dropGuest(db: Db, name: string) {', "  const gone = db.remove('users', { name });", ''].join('\n');
const probe = (next: string) => ['export function probe(db: Db, key: string) {', '  const marker = db.find(key);', `  ${next}`, '}', ''].join('\n');
const PROBE_CONTEXT = ['export function lookup(db: Db, key: string) {', '  const marker = db.find(key);', ''].join('\n');
const CONTEXT_END = { line: 2, character: 0 };

describe('arenalab lsp --stdio: file watchers registered with a client that takes them (protocol test)', function () {
  let workspace: string;
  let server: TestServer;
  const uriOf = (relative: string) => pathToFileURL(path.join(workspace, relative)).href;

  /** Opens `name` with `text`, asks for inline completions at `at`, closes it; the texts and the files they came from. */
  async function suggest(name: string, text: string): Promise<{ texts: string[]; sources: string[] }> {
    const uri = uriOf(name);
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: CONTEXT_END, context: { triggerKind: 1 } });
    const sources: string[] = [];
    for (const item of items) {
      const explained = await server.client.sendRequest<ExplainResult>('arenalab/explain', { suggestionId: String(item.command?.arguments?.[0]) });
      sources.push(...explained.sources.map((s) => s.file ?? ''));
    }
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return { texts: items.map((i) => i.insertText.toString().trim()), sources };
  }

  before(async () => {
    workspace = writeInsertWorkspace('arenalab-watch-');
    fs.writeFileSync(path.join(workspace, '.gitignore'), 'generated/\n');
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace], undefined, { didChangeWatchedFiles: { dynamicRegistration: true } });
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('registers watchers for the indexed languages\' files, .gitignore files, and creations and deletions of anything', () => {
    const watched = server.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watched.length, 1, JSON.stringify(server.registrations));
    assert.deepEqual(watched[0].registerOptions, {
      watchers: [
        { globPattern: '**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx,py,go,rs,java,cpp,cc,cxx,hpp,hh,hxx,h,cs,rb,php,sh,bash,css}' },
        { globPattern: '**/.gitignore' },
        { globPattern: '**/*', kind: 5 },
      ],
    });
  });

  /** Reports `changes` as the client's file watcher would; resolves once the server announced the batch applied. */
  async function report(changes: { uri: string; type: number }[]): Promise<void> {
    const ready = server.nextReady();
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await ready;
  }

  it('suggests from a file written on disk once the client reports it, and not from a gitignored one', async () => {
    assert.ok(!(await suggest('guest.ts', REMOVAL_CONTEXT)).texts.includes('audit.push(gone.id);'), 'not suggested before the file exists');
    fs.mkdirSync(path.join(workspace, 'lib'));
    fs.writeFileSync(path.join(workspace, 'lib', 'remove.ts'), removal('dropUser', 'audit.push(gone.id);'));
    fs.mkdirSync(path.join(workspace, 'generated'));
    fs.writeFileSync(path.join(workspace, 'generated', 'probe.ts'), probe('trace(marker);'));
    // Reported created, gone before the server reads it (a checkout still running): skipped, not a failure.
    await report([{ uri: uriOf('lib/remove.ts'), type: 1 }, { uri: uriOf('generated/probe.ts'), type: 1 }, { uri: uriOf('lib/vanished.ts'), type: 1 }]);
    const suggested = await suggest('guest.ts', REMOVAL_CONTEXT);
    assert.equal(suggested.texts[0], 'audit.push(gone.id);', JSON.stringify(suggested));
    assert.ok(suggested.sources.includes('lib/remove.ts'), JSON.stringify(suggested.sources));
    assert.ok(!(await suggest('lookup.ts', PROBE_CONTEXT)).texts.includes('trace(marker);'), 'the gitignored file is not indexed');
    assert.match(await server.logged(/^changed files not indexed/), /generated\/probe\.ts \(in an excluded or gitignored folder\)/);
  });

  it('indexes the files of a folder reported created as the folder alone, and says nothing of files it does not index', async () => {
    // VS Code reports a folder that appeared with everything in it as the folder's creation only.
    fs.mkdirSync(path.join(workspace, 'checkout', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'checkout', 'deep', 'lookup.ts'), probe('remember(marker);'));
    fs.writeFileSync(path.join(workspace, 'checkout', 'notes.txt'), 'not source code\n');
    fs.writeFileSync(path.join(workspace, 'build.log'), 'not source code either\n');
    await report([{ uri: uriOf('checkout'), type: 1 }, { uri: uriOf('build.log'), type: 1 }]);
    const suggested = await suggest('lookup.ts', PROBE_CONTEXT);
    assert.equal(suggested.texts[0], 'remember(marker);', JSON.stringify(suggested));
    assert.ok(suggested.sources.includes('checkout/deep/lookup.ts'), JSON.stringify(suggested.sources));
    assert.ok(!server.logs.some((line) => /build\.log|notes\.txt/.test(line)), server.logs.join('\n'));
  });

  it('forgets the files of a folder reported deleted as the folder alone', async () => {
    fs.rmSync(path.join(workspace, 'lib'), { recursive: true });
    await report([{ uri: uriOf('lib'), type: 3 }]);
    const suggested = await suggest('guest.ts', REMOVAL_CONTEXT);
    assert.ok(!suggested.texts.includes('audit.push(gone.id);'), JSON.stringify(suggested));
    assert.ok(!suggested.sources.includes('lib/remove.ts'), JSON.stringify(suggested.sources));
  });
});

describe('arenalab lsp --stdio: no file watchers for a client that cannot take them (protocol test)', function () {
  let workspace: string;
  let server: TestServer;

  before(() => {
    workspace = writeInsertWorkspace('arenalab-nowatch-');
    server = startTestServer(workspace);
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('registers nothing and says where changes on disk are seen', async () => {
    // Without `didChangeWatchedFiles.dynamicRegistration`; the registration would be asked for before indexing ends.
    await initializeTestServer(server, [workspace], undefined, { didChangeWatchedFiles: { dynamicRegistration: false } });
    assert.deepEqual(server.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'), [], JSON.stringify(server.registrations));
    assert.ok(server.logs.includes('the client does not take file watcher registrations: files changed outside the editor are seen at the next re-index'), server.logs.join('\n'));
  });
});
