import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { INSERT_HEADER, insertFunction, PREDICTED_INSERT_BLOCK, PREDICTED_INSERT_LINE, writeInsertWorkspace } from '../testing/insertWorkspace';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Open documents over the size limit, through the real server over stdio: edits to them must cost nothing (the
// server keeps no text of them), and a whole text within the limit makes them ordinary documents again. The cases
// run in order against one server.
const LINE = 'let x = 1;\n';
/** Just over the limit (11 MB with the default 10 MB), as a generated bundle or a log opened in the editor. */
const bigText = () => LINE.repeat(Math.ceil((DEFAULT_LSP_SETTINGS.maxDocumentBytes * 1.1) / LINE.length));
/** The first lines of a new insert function: the engine predicts its next line from the workspace. */
const SMALL_TEXT = [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2), ''].join('\n');
const SMALL_END = { line: INSERT_HEADER.length + 2, character: 0 };

describe('arenalab lsp --stdio: documents over the size limit (protocol test)', function () {
  let workspace: string;
  let server: TestServer;
  const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
  const inline = (uri: string, position: { line: number; character: number }) =>
    server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  /** The best suggestion's text. */
  const best = (items: InlineCompletionItem[]) => items[0]?.insertText.toString().trim();
  const open = (name: string, text: string) =>
    server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'typescript', version: 1, text } });
  const tooLargeLines = (name: string) => server.logs.filter((l) => l.startsWith(`not indexing ${uriOf(name)}: larger than 10 MB`));

  before(async () => {
    workspace = writeInsertWorkspace('arenalab-large-docs-');
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace]);
    await open('small.ts', SMALL_TEXT);
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('takes a burst of 10,000 incremental edits to an 11 MB document without holding up a completion in a small one, and says once that it is too large', async function () {
    // Keeping and re-splicing the whole text on every edit took minutes for this burst; now the request answers well within this.
    this.timeout(60_000);
    await open('big.ts', bigText());
    for (let i = 0; i < 10_000; i++) {
      const at = { line: i % 1000, character: 0 };
      void server.client.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('big.ts'), version: i + 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'y' }] });
    }
    assert.equal(best(await inline(uriOf('small.ts'), SMALL_END)), PREDICTED_INSERT_BLOCK);
    assert.deepEqual(await inline(uriOf('big.ts'), { line: 5, character: 0 }), [], 'no suggestion in a document too large to keep');
    // The whole text sent again, still too large: still no suggestion, and nothing more said about it.
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('big.ts'), version: 10_002 }, contentChanges: [{ text: bigText() }] });
    assert.deepEqual(await inline(uriOf('big.ts'), { line: 5, character: 0 }), []);
    const said = tooLargeLines('big.ts');
    assert.equal(said.length, 1, server.logs.join('\n'));
    assert.match(said[0], /edits are not followed until the editor sends its whole text again/);
  });

  it('makes a too-large document an ordinary one again when a whole text within the limit arrives, and follows its edits after that', async () => {
    const uri = uriOf('big.ts');
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10_003 }, contentChanges: [{ text: SMALL_TEXT }] });
    assert.equal(best(await inline(uri, SMALL_END)), PREDICTED_INSERT_BLOCK);
    // Indexed again after the re-index quiet period; the log says so.
    await server.logged(new RegExp(`^indexing ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} again: it is within the limits now$`));
    // An incremental edit after the revival is applied to the text: the predicted line typed in, the next one is asked for.
    const typed = `  ${PREDICTED_INSERT_LINE}\n`;
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10_004 }, contentChanges: [{ range: { start: SMALL_END, end: SMALL_END }, text: typed }] });
    assert.equal(best(await inline(uri, { line: SMALL_END.line + 1, character: 0 })), 'return row;');
  });

  it('stops suggesting in a document an incremental edit takes over the limit, says so once, and keeps answering elsewhere', async () => {
    const uri = uriOf('grows.ts');
    await open('grows.ts', SMALL_TEXT);
    assert.equal(best(await inline(uri, SMALL_END)), PREDICTED_INSERT_BLOCK);
    const start = { line: 0, character: 0 };
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start, end: start }, text: bigText() }] });
    for (let version = 3; version < 100; version++) {
      void server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end: start }, text: 'y' }] });
    }
    assert.deepEqual(await inline(uri, { line: 5, character: 0 }), []);
    assert.equal(tooLargeLines('grows.ts').length, 1, server.logs.join('\n'));
    // Elsewhere the answer still starts with the predicted line (how much of the body follows depends on what the
    // other open documents now say after it).
    assert.equal(best(await inline(uriOf('small.ts'), SMALL_END))?.split('\n')[0], PREDICTED_INSERT_LINE);
  });
});
