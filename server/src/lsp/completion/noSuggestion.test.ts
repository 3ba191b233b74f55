import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { NoSuggestionParams } from '@arenalab/protocol';
import { changeTestConfiguration, initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';
import { INSERT_HEADER, insertFunction, writeInsertWorkspace } from '../testing/insertWorkspace';

// The real server over stdio: an explicit request that gets nothing is preceded by arenalab/noSuggestion with the
// reason; an automatic one never is.
const INVOKED = 1;
const AUTOMATIC = 2;

describe('arenalab/noSuggestion: why an explicit request got nothing', function () {
  let workspace: string;
  let server: TestServer;
  const reasons: NoSuggestionParams[] = [];
  let docUri: string;
  const version = 1;

  before(async () => {
    workspace = writeInsertWorkspace('arenalab-nosuggestion-');
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0.5 };
    server.client.onNotification('arenalab/noSuggestion', (p: NoSuggestionParams) => void reasons.push(p));
    await initializeTestServer(server, [workspace]);
    docUri = pathToFileURL(path.join(workspace, 'c.ts')).href;
    const text = [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2), '', '', 'zzqx_unmatched_token_42(', ''].join('\n');
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'typescript', version, text } });
  });

  after(async () => {
    await stopTestServer(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Asks at a position; the notification, when there is one, arrives before the answer on the same stream. */
  async function ask(line: number, character: number, triggerKind: number): Promise<{ items: InlineCompletionItem[]; reason?: NoSuggestionParams }> {
    reasons.length = 0;
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', {
      textDocument: { uri: docUri }, position: { line, character }, context: { triggerKind },
    });
    return { items, reason: reasons[0] };
  }

  it('sends no reason when something is suggested', async () => {
    const { items, reason } = await ask(4, 2, INVOKED);
    assert.ok(items.length > 0);
    assert.equal(reason, undefined);
  });

  it('says "below-threshold" with the best confidence and the threshold when every candidate is below it', async () => {
    await changeTestConfiguration(server, { confidenceThreshold: 1 });
    const { items, reason } = await ask(4, 2, INVOKED);
    assert.deepEqual(items, []);
    assert.equal(reason?.reason, 'below-threshold');
    assert.equal(reason?.threshold, 1);
    assert.ok(reason!.bestConfidence! > 0 && reason!.bestConfidence! < 1, JSON.stringify(reason));
    assert.equal(reason?.uri, docUri);
    assert.deepEqual(reason?.position, { line: 4, character: 2 });
  });

  it('sends nothing for an automatic request (nobody asked)', async () => {
    const { items, reason } = await ask(4, 2, AUTOMATIC);
    assert.deepEqual(items, []);
    assert.equal(reason, undefined);
  });

  it('says "language-off" when arenalab.languages switches the language off (and when set by its old name)', async () => {
    await changeTestConfiguration(server, { languages: { typescript: false } });
    assert.equal((await ask(4, 2, INVOKED)).reason?.reason, 'language-off');
    await changeTestConfiguration(server, { enable: { typescript: false } });
    assert.equal((await ask(4, 2, INVOKED)).reason?.reason, 'language-off');
    assert.match(await server.logged(/arenalab\.enable is now called arenalab\.languages/), /value is used until you rename it/);
  });

  it('says "no-match" where nothing like the context is known', async () => {
    await changeTestConfiguration(server, { confidenceThreshold: 0 });
    const { items, reason } = await ask(6, 24, INVOKED);
    assert.deepEqual(items, []);
    assert.equal(reason?.reason, 'no-match');
  });

  it('says "too-large" in a document over the size limit', async () => {
    const hugeUri = pathToFileURL(path.join(workspace, 'huge.ts')).href;
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'typescript', version: 1, text: 'let x = 1;\n'.repeat(1024 * 1024) } });
    reasons.length = 0;
    await server.client.sendRequest('textDocument/inlineCompletion', { textDocument: { uri: hugeUri }, position: { line: 3, character: 0 }, context: { triggerKind: INVOKED } });
    assert.equal(reasons[0]?.reason, 'too-large');
  });
});
