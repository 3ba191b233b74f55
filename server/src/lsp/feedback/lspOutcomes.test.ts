import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { Span } from '@arenalab/core';
import { SpanStore } from '../../store';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Outcomes through the real server over stdio: feedback and task results become spans in the workspace's store.
const CONTEXT = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const BODY = 'return respond(user, request.body);';
const QUERY = 'return respond(user, request.query);';

function startServer(workspace: string): TestServer {
  const server = startTestServer(workspace);
  server.config = { confidenceThreshold: 0 };
  return server;
}

const initialize = (server: TestServer, workspace: string) => initializeTestServer(server, [workspace]);
const stop = stopTestServer;

describe('arenalab lsp --stdio: outcomes become spans (protocol test)', function () {
  let workspace: string;
  let server: TestServer;
  const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
  const suggest = async (name: string) => {
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'typescript', version: 1, text: [...CONTEXT, '', '}'].join('\n') } });
    return server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri: uriOf(name) }, position: { line: 2, character: 0 }, context: { triggerKind: 1 } });
  };
  const texts = (items: InlineCompletionItem[]) => items.map((i) => i.insertText.toString().trim());
  const idOf = (item: InlineCompletionItem) => String(item.command?.arguments?.[0]);

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-outcomes-'));
    const file = (line: string) => [...CONTEXT, `  ${line}`, '}', ''].join('\n');
    fs.writeFileSync(path.join(workspace, 'a.ts'), file(BODY));
    fs.writeFileSync(path.join(workspace, 'b.ts'), file(BODY));
    fs.writeFileSync(path.join(workspace, 'c.ts'), file(QUERY));
    server = startServer(workspace);
    await initialize(server, workspace);
  });

  after(() => {
    if (server.child.exitCode === null) server.child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('ranks first, in the same context, the competing continuation the developer accepted on the previous request', async () => {
    const first = await suggest('d.ts');
    assert.deepEqual(texts(first), [BODY, QUERY]);
    await server.client.sendNotification('arenalab/feedback', { suggestionId: idOf(first[0]), outcome: 'shown' });
    await server.client.sendNotification('arenalab/feedback', { suggestionId: idOf(first[0]), outcome: 'dismissed' });
    await server.client.sendNotification('arenalab/feedback', { suggestionId: idOf(first[1]), outcome: 'accepted' });
    const next = await suggest('e.ts');
    assert.equal(texts(next)[0], QUERY, JSON.stringify(texts(next)));
  });

  it('records outcomes in a second window on the same folder too, while the first one records', async () => {
    const second = startServer(workspace);
    try {
      await initialize(second, workspace);
      assert.match(await second.logged(/recording suggestion outcomes in |outcomes are not recorded/), /^recording suggestion outcomes in /);
      await second.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('f.ts'), languageId: 'typescript', version: 1, text: [...CONTEXT, '', '}'].join('\n') } });
      const items = await second.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri: uriOf('f.ts') }, position: { line: 2, character: 0 }, context: { triggerKind: 1 } });
      assert.ok(items.length > 0, 'the second server stopped suggesting');
      await second.client.sendNotification('arenalab/taskResult', { name: 'second window', kind: 'task', exitCode: 0, durationMs: 3 });
      await server.client.sendNotification('arenalab/taskResult', { name: 'first window', kind: 'task', exitCode: 0, durationMs: 4 });
      assert.equal(await stop(second), 0);
      assert.ok(!second.logs.some((l) => /not recorded|failed/.test(l)), second.logs.join('\n'));
      // The first server is still running; its append lands whenever its batch is flushed.
      const names = await storedTaskNamesOnceThere(['first window', 'second window']);
      assert.deepEqual(names.filter((n) => n.endsWith(' window')).sort(), ['first window', 'second window']);
    } finally {
      if (second.child.exitCode === null) await stop(second);
    }
  });

  /** The names of stored run_task spans, read until all of `names` are there (or 10 s passed). */
  async function storedTaskNamesOnceThere(names: string[]): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const store = await SpanStore.open(path.join(workspace, '.arenalab'), { mode: 'read' });
      const found: string[] = [];
      for await (const span of store.spans()) if (span.did === 'run_task') found.push(span.this);
      await store.close();
      if (names.every((n) => found.includes(n)) || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('stores every reported outcome and a test run linked to the accepted suggestion, durable at shutdown', async () => {
    // A partial acceptance in another document, and feedback with wrong new fields (logged, not stored).
    const other = await suggest('g.ts');
    const prefix = other[0].insertText.toString().slice(0, 9);
    await server.client.sendNotification('arenalab/feedback', { suggestionId: idOf(other[0]), outcome: 'partially_accepted', acceptedText: prefix });
    await server.client.sendNotification('arenalab/feedback', { suggestionId: idOf(other[0]), outcome: 'dismissed', reason: 'bored' });
    await server.client.sendNotification('arenalab/taskResult', { name: 'g only', kind: 'task', exitCode: 0, durationMs: 7, uris: [uriOf('g.ts')] });
    await server.client.sendNotification('arenalab/taskResult', { name: 'npm test', kind: 'tests', exitCode: 1, durationMs: 1234, passed: 3, failed: 1, uris: [uriOf('d.ts')] });
    await server.client.sendNotification('arenalab/taskResult', { name: 'build', kind: 'nonsense', exitCode: 0, durationMs: 5 });
    await stop(server);
    assert.ok(server.logs.some((l) => l.startsWith('arenalab/taskResult failed: TaskResultError')), server.logs.join('\n'));
    assert.ok(server.logs.some((l) => l.startsWith('arenalab/feedback failed: FeedbackError') && l.includes('reason: expected one of explicit, typed_over, timeout')), server.logs.join('\n'));
    const store = await SpanStore.open(path.join(workspace, '.arenalab'), { mode: 'read' });
    const spans: Span[] = [];
    for await (const span of store.spans()) spans.push(span);
    await store.close();
    const outcomes = spans.filter((s) => s.did === 'suggest_completion');
    assert.deepEqual(outcomes.map((s) => [s.metadata?.outcome, s.status]), [['shown', 'pending'], ['dismissed', 'failed'], ['accepted', 'completed'], ['partially_accepted', 'completed']]);
    const partial = outcomes[3];
    assert.equal(partial.metadata?.accepted_text, prefix);
    const accepted = outcomes[2];
    assert.deepEqual([accepted.who, accepted.this, accepted.if_ok?.trim(), accepted.confirmed_by], ['arenalab', 'd.ts:3', QUERY, 'accepted by user']);
    assert.equal(accepted.context?.environment, 'programming/typescript');
    assert.ok((accepted.context?.previous_spans ?? []).length > 0 && accepted.context!.previous_spans!.every((id) => id.startsWith('win_')));
    const runs = spans.filter((s) => s.did === 'run_tests');
    assert.equal(runs.length, 1);
    assert.deepEqual([runs[0].status, runs[0].this, runs[0].context?.previous_spans], ['failed', 'npm test', [accepted.id]]);
    const task = spans.find((s) => s.did === 'run_task' && s.this === 'g only');
    assert.deepEqual(task?.context?.previous_spans, [partial.id], 'a run naming g.ts links only to what was accepted in g.ts');
  });
});
