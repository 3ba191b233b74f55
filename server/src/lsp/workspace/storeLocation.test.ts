import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { Span } from '@arenalab/core';
import { SpanStore } from '../../store';
import { INSERT_HEADER, insertFunction, writeInsertWorkspace } from '../testing/insertWorkspace';
import { changeTestConfiguration, initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

async function storedOutcomes(dir: string): Promise<Span[]> {
  const store = await SpanStore.open(dir, { mode: 'read' });
  const spans: Span[] = [];
  for await (const span of store.spans()) spans.push(span);
  await store.close();
  return spans.filter((s) => s.did === 'suggest_completion');
}

// The outcome store follows arenalab.store.location without a restart; ARENALAB_STORE is the fallback location.
describe('arenalab lsp --stdio: the outcome store moves when arenalab.store.location changes (protocol test)', function () {
  let workspace: string;
  let server: TestServer;
  const escaped = (dir: string) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  before(() => (workspace = writeInsertWorkspace('arenalab-store-move-')));
  after(() => {
    if (server?.child.exitCode === null) server.child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('records in ARENALAB_STORE, then flushes, closes and reopens at the new setting, losing nothing', async () => {
    const envDir = path.join(workspace, 'env-store');
    const settingDir = path.join(workspace, 'setting-store');
    server = startTestServer(workspace, { ...process.env, ARENALAB_STORE: envDir });
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace]);
    await server.logged(new RegExp(`recording suggestion outcomes in ${escaped(envDir)}$`));
    const uri = pathToFileURL(path.join(workspace, 'c.ts')).href;
    const text = [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2), '', ''].join('\n');
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: 4, character: 0 }, context: { triggerKind: 1 } });
    assert.ok(items.length >= 1, server.logs.join('\n'));
    const id = String(items[0].command?.arguments?.[0]);
    await server.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'shown' });
    await server.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'dismissed', reason: 'timeout' });

    await changeTestConfiguration(server, { confidenceThreshold: 0, store: { location: settingDir } });
    await server.logged(new RegExp(`recording suggestion outcomes in ${escaped(settingDir)}$`));
    // The old store is closed and its lock released while the server runs on.
    const reopened = await SpanStore.open(envDir, { mode: 'write' });
    await reopened.close();
    await server.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'accepted' });
    // An unchanged location is left alone.
    await changeTestConfiguration(server, { confidenceThreshold: 0, store: { location: settingDir } });
    assert.equal(server.logs.filter((l) => l.startsWith('the outcome store moves')).length, 1, server.logs.join('\n'));
    assert.equal(await stopTestServer(server), 0);

    assert.deepEqual((await storedOutcomes(envDir)).map((s) => [s.metadata?.outcome, s.metadata?.dismiss_reason]), [['shown', undefined], ['dismissed', 'timeout']]);
    assert.deepEqual((await storedOutcomes(settingDir)).map((s) => s.metadata?.outcome), ['accepted']);
    assert.equal(fs.existsSync(path.join(workspace, '.arenalab')), false, 'nothing went to the default location');
  });
});
