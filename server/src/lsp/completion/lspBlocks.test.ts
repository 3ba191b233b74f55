import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { NoSuggestionParams } from '@arenalab/protocol';
import { changeTestConfiguration, initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';
import { INSERT_HEADER, insertFunction, writeInsertWorkspace } from '../testing/insertWorkspace';

// The real server over stdio: after a block opener with an empty body, the inline completion is the whole body in
// one item; accepting its first line (the editor's accept-next-line) leaves a document where the rest is proposed.
const INVOKED = 1;

describe('LSP: multi-line blocks and languages without a grammar', function () {
  let workspace: string;
  let server: TestServer;
  const reasons: NoSuggestionParams[] = [];
  const body = insertFunction('addUser').slice(1, 4);

  before(async () => {
    workspace = writeInsertWorkspace('arenalab-blocks-');
    server = startTestServer(workspace);
    server.client.onNotification('arenalab/noSuggestion', (p: NoSuggestionParams) => void reasons.push(p));
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  // Each test closes what it opened: an open document is searched like the workspace, and a half-written copy of
  // the same function would vote against the body.
  const opened: string[] = [];
  afterEach(async () => {
    for (const uri of opened.splice(0)) await server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  async function open(name: string, languageId: string, lines: readonly string[]): Promise<string> {
    const uri = pathToFileURL(path.join(workspace, name)).href;
    opened.push(uri);
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: lines.join('\n') } });
    return uri;
  }

  async function ask(uri: string, line: number, character = 0): Promise<InlineCompletionItem[]> {
    reasons.length = 0;
    return server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', {
      textDocument: { uri }, position: { line, character }, context: { triggerKind: INVOKED },
    });
  }

  const textOf = (item: InlineCompletionItem | undefined) => (typeof item?.insertText === 'string' ? item.insertText : item?.insertText.value ?? '');

  it('answers a block opener with the whole body as one multi-line item, indented for the document', async () => {
    const opener = 'export function addGuest(db: Db, name: string) {';
    const uri = await open('c.ts', 'typescript', [...INSERT_HEADER, opener, '', '}', '']);
    const items = await ask(uri, 3);
    assert.equal(textOf(items[0]), body.join('\n'));
    assert.deepEqual(items[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
  });

  it('after the first line is accepted, proposes the rest of the block from the next line', async () => {
    const uri = await open('d.ts', 'typescript', [...INSERT_HEADER, 'export function addGuest(db: Db, name: string) {', body[0], '', '}', '']);
    const items = await ask(uri, 4);
    assert.equal(textOf(items[0]), body.slice(1).join('\n'));
  });

  it('cuts a block to arenalab.maxLines', async () => {
    await changeTestConfiguration(server, { maxLines: 1 });
    const uri = await open('e.ts', 'typescript', [...INSERT_HEADER, 'export function addGuest(db: Db, name: string) {', '', '}', '']);
    const items = await ask(uri, 3);
    assert.equal(textOf(items[0]), body[0], JSON.stringify(reasons));
    await changeTestConfiguration(server, { maxLines: 10 });
  });

  it('suggests in a language it has no grammar for (Lua, from the document itself), a keyword opener included', async () => {
    const lua = (name: string) => [`function ${name}(db, name)`, "  local row = db.insert('users', name)", "  logger.info('inserted', row.id)", '  return row', 'end', ''];
    const uri = await open('f.lua', 'lua', [...lua('add_user'), ...lua('add_admin'), 'function add_guest(db, name)', '', 'end', '']);
    const items = await ask(uri, 13);
    assert.equal(textOf(items[0]), lua('x').slice(1, 4).join('\n'));
  });

  it('stays quiet in plain text and markdown by default (arenalab.languages), with the reason', async () => {
    const lines = ['The user is added.', 'The admin is added.', 'The user is added.', ''];
    for (const [name, languageId] of [['g.txt', 'plaintext'], ['h.md', 'markdown']]) {
      const uri = await open(name, languageId, lines);
      assert.deepEqual(await ask(uri, 3), []);
      assert.equal(reasons[0]?.reason, 'language-off', name);
    }
  });
});
