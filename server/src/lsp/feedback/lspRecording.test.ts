import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { Span } from '@arenalab/core';
import type { ChatResult } from '@arenalab/protocol';
import { SpanStore } from '../../store';
import { changeTestConfiguration, initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// The recording switch and workspace trust through the real server over stdio: what reaches the store is read back
// after shutdown, when everything the server meant to record is durable.
const CONTEXT = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const BODY = 'return respond(user, request.body);';

describe('arenalab lsp --stdio: recording off, on, and in an untrusted workspace (protocol test)', function () {
  this.timeout(60_000);
  let workspace: string;
  let server: TestServer | undefined;
  const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-recording-'));
    fs.writeFileSync(path.join(workspace, 'a.ts'), [...CONTEXT, `  ${BODY}`, '}', ''].join('\n'));
  });
  afterEach(async () => {
    if (server && server.child.exitCode === null) await stopTestServer(server).catch(() => server?.child.kill());
    server = undefined;
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function start(config: unknown, env: NodeJS.ProcessEnv = process.env, initializationOptions?: unknown, args: string[] = []): Promise<TestServer> {
    const started = startTestServer(workspace, env, args);
    started.config = config;
    await initializeTestServer(started, [workspace], initializationOptions);
    await started.logged(/recording suggestion outcomes in |outcomes are not recorded/);
    return started;
  }

  /** A suggestion in a new document, then shown, accepted, a dismissal of another, and a task run named `label`. */
  async function activity(s: TestServer, label: string): Promise<void> {
    const uri = uriOf(`${label}.ts`);
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: [...CONTEXT, '', '}'].join('\n') } });
    const items = await s.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: 2, character: 0 }, context: { triggerKind: 1 } });
    assert.ok(items.length > 0, 'the server stopped suggesting');
    const id = String(items[0].command?.arguments?.[0]);
    await s.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'shown' });
    await s.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'accepted' });
    await s.client.sendNotification('arenalab/feedback', { suggestionId: id, outcome: 'dismissed', reason: 'explicit' });
    await s.client.sendNotification('arenalab/taskResult', { name: `task ${label}`, kind: 'task', exitCode: 0, durationMs: 3 });
    await s.client.sendNotification('arenalab/taskResult', { name: `tests ${label}`, kind: 'tests', exitCode: 0, durationMs: 3, passed: 1, failed: 0 });
  }

  async function storedSpans(): Promise<Span[]> {
    const dir = path.join(workspace, '.arenalab');
    if (!fs.existsSync(path.join(dir, 'spans.log'))) return [];
    const store = await SpanStore.open(dir, { mode: 'read' });
    const spans: Span[] = [];
    for await (const span of store.spans()) spans.push(span);
    await store.close();
    return spans;
  }
  const labelsOf = (spans: Span[]) => [...new Set(spans.map((s) => (s.did.startsWith('run_') ? s.this.split(' ')[1] : s.this.split('.ts')[0])))].sort();

  it('with arenalab.recording.enabled false nothing is stored, and switching it on by didChangeConfiguration records from then on', async () => {
    server = await start({ confidenceThreshold: 0, recording: { enabled: false } });
    await activity(server, 'off');
    await changeTestConfiguration(server, { confidenceThreshold: 0, recording: { enabled: true } });
    await activity(server, 'on');
    assert.equal(await stopTestServer(server), 0);
    const spans = await storedSpans();
    assert.deepEqual(labelsOf(spans), ['on'], spans.map((s) => `${s.did} ${s.this}`).join('\n'));
    assert.deepEqual(spans.map((s) => s.did).sort(), ['run_task', 'run_tests', 'suggest_completion', 'suggest_completion', 'suggest_completion']);
  });

  it('switching recording off by didChangeConfiguration stops it; the suggestions go on', async () => {
    server = await start({ confidenceThreshold: 0 });
    await activity(server, 'before');
    await changeTestConfiguration(server, { confidenceThreshold: 0, recording: { enabled: false } });
    await activity(server, 'after');
    assert.equal(await stopTestServer(server), 0);
    const spans = await storedSpans();
    assert.deepEqual(labelsOf(spans), ['before']);
    assert.equal(spans.length, 5);
  });

  it('ARENALAB_RECORDING=off wins over the setting: no span at all', async () => {
    server = await start({ confidenceThreshold: 0, recording: { enabled: true } }, { ...process.env, ARENALAB_RECORDING: 'off' });
    await activity(server, 'env');
    assert.equal(await stopTestServer(server), 0);
    assert.deepEqual(await storedSpans(), []);
  });

  it('arenalab lsp --no-record wins over the setting too', async () => {
    server = await start({ confidenceThreshold: 0, recording: { enabled: true } }, process.env, undefined, ['--no-record']);
    await activity(server, 'flag');
    assert.equal(await stopTestServer(server), 0);
    assert.deepEqual(await storedSpans(), []);
  });

  it('untrusted (initializationOptions.trusted false): chat tools refuse with a reason, runs are not recorded, outcomes are', async () => {
    server = await start({ confidenceThreshold: 0 }, process.env, { trusted: false });
    const ask = (content: string) => server!.client.sendRequest<ChatResult>('arenalab/chat', { messages: [{ role: 'user', content }] });
    for (const question of ['show me the file a.ts', 'what is 17 * 23']) {
      const answer = await ask(question);
      assert.equal(answer.method, 'tool_refused', JSON.stringify(answer));
      assert.match(answer.text, /tools are off because this workspace is not trusted/);
      assert.deepEqual(answer.toolCalls, []);
      assert.doesNotMatch(answer.text, /respond\(user/, 'the file was read anyway');
    }
    await activity(server, 'restricted');
    assert.equal(await stopTestServer(server), 0);
    const spans = await storedSpans();
    assert.deepEqual(spans.map((s) => s.did).sort(), ['suggest_completion', 'suggest_completion', 'suggest_completion']);
  });

  it('trusted (the default) still answers with the tool and records the runs', async () => {
    server = await start({ confidenceThreshold: 0 }, process.env, { trusted: true });
    const answer = await server.client.sendRequest<ChatResult>('arenalab/chat', { messages: [{ role: 'user', content: 'show me the file a.ts' }] });
    assert.equal(answer.toolCalls[0]?.tool, 'read_file', JSON.stringify(answer));
    await activity(server, 'trusted');
    assert.equal(await stopTestServer(server), 0);
    const dids = (await storedSpans()).map((s) => s.did).sort();
    assert.deepEqual(dids, ['run_task', 'run_tests', 'suggest_completion', 'suggest_completion', 'suggest_completion', 'use_tool']);
  });
});
