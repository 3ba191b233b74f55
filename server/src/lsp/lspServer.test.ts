import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { LSPErrorCodes } from 'vscode-languageserver/node';
import type { CompletionItem, InitializeResult, InlineCompletionItem } from 'vscode-languageserver/node';
import type { ExplainResult, StatusParams } from '@arenalab/protocol';
import { INSERT_HEADER, insertFunction, PREDICTED_INSERT_BLOCK, PREDICTED_INSERT_LINE, writeInsertWorkspace } from './testing/insertWorkspace';

// The real server over stdio, driven by a plain vscode-jsonrpc client as any editor would. The cases run in order
// against one server: each builds on the documents the previous ones opened.
const repoRoot = path.resolve(__dirname, '../../..');
const body = insertFunction;
const header = INSERT_HEADER;
const PREDICTED = PREDICTED_INSERT_LINE;

function frame(json: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

describe('arenalab lsp --stdio (protocol test with a vscode-jsonrpc client)', function () {
  let workspace: string;
  let child: ChildProcessWithoutNullStreams;
  let client: MessageConnection;
  let stderr = '';
  const logs: string[] = [];
  const progress: string[] = [];
  const statuses: StatusParams[] = [];
  let ready: Promise<StatusParams>;
  /** Resolved by the next ready status (a batch of changed files applied, say). */
  const readyWaiters: ((s: StatusParams) => void)[] = [];
  let docUri: string;
  let shownId: string;
  // What the client answers to workspace/configuration; the settings case changes it.
  let config: unknown = { confidenceThreshold: 'high' };
  let configAsked: () => void = () => undefined;

  before(() => {
    workspace = writeInsertWorkspace('arenalab-lsp-');
    docUri = pathToFileURL(path.join(workspace, 'c.ts')).href;
    child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'lsp', '--stdio'], { cwd: workspace });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    client.onRequest('window/workDoneProgress/create', () => null);
    client.onRequest('workspace/configuration', () => {
      configAsked();
      return [config];
    });
    client.onRequest('window/showMessageRequest', (p: { message: string }) => {
      logs.push(`shown: ${p.message}`);
      return null;
    });
    client.onNotification('$/progress', (p: { value: { kind: string } }) => void progress.push(p.value.kind));
    client.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    ready = new Promise((resolve) => client.onNotification('arenalab/status', (s: StatusParams) => {
      statuses.push(s);
      if (s.state !== 'ready') return;
      resolve(s);
      for (const next of readyWaiters.splice(0)) next(s);
    }));
    client.listen();
  });

  after(() => {
    client.dispose();
    if (child.exitCode === null) child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const inline = (line: number, character: number) =>
    client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', {
      textDocument: { uri: docUri }, position: { line, character }, context: { triggerKind: 1 },
    });

  it('answers initialize with incremental sync, inline completion, completion and the reindex command', async () => {
    const result = await client.sendRequest<InitializeResult>('initialize', {
      processId: process.pid, rootUri: pathToFileURL(workspace).href, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
    });
    const caps = result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.inlineCompletionProvider, true);
    assert.ok(caps.completionProvider);
    assert.ok(caps.executeCommandProvider?.commands.includes('arenalab.reindex'));
  });

  it('indexes the workspace after initialized, with $/progress, and announces ready through arenalab/status', async () => {
    await client.sendNotification('initialized', {});
    const status = await ready;
    assert.equal(status.files, 3, stderr);
    assert.ok(status.windows > 0);
    assert.equal(statuses[0].state, 'indexing');
    assert.deepEqual([progress[0], progress[progress.length - 1]], ['begin', 'end']);
  });

  it('suggests the next line that the repeated code predicts, inline and as a completion fallback', async () => {
    const text = [...header, ...body('addGuest').slice(0, 2), '', ''].join('\n');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'typescript', version: 1, text } });
    const items = await inline(4, 0);
    assert.ok(items.length > 0, 'no inline suggestion');
    assert.equal(items[0].insertText.toString().trim(), PREDICTED_INSERT_BLOCK);
    assert.deepEqual(items[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } });
    shownId = String(items[0].command?.arguments?.[0]);
    const completions = await client.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: docUri }, position: { line: 4, character: 0 } });
    assert.equal(completions[0].label, PREDICTED);
    assert.match(completions[0].detail ?? '', /^ArenaLab \d\.\d\d · continuation-/);
    assert.match(JSON.stringify(completions[0].documentation), /[ab]\.ts:5/);
  });

  it('follows an incremental change and predicts the line after it', async () => {
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri: docUri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: `  ${PREDICTED}\n` }],
    });
    const items = await inline(5, 0);
    assert.equal(items[0]?.insertText.toString().trim(), 'return row;');
  });

  it('explains a shown suggestion by the files and lines it came from', async () => {
    const explained = await client.sendRequest<ExplainResult | null>('arenalab/explain', { suggestionId: shownId });
    assert.ok(explained, 'the shown suggestion was forgotten');
    assert.equal(explained.text.trim(), PREDICTED_INSERT_BLOCK);
    assert.ok(explained.sources.some((s) => (s.file === 'a.ts' || s.file === 'b.ts') && s.line === 4), JSON.stringify(explained.sources));
    assert.equal(await client.sendRequest('arenalab/explain', { suggestionId: 'no-such-id' }), null);
  });

  it('takes accepted feedback, and credits the sources in the next provenance', async () => {
    await client.sendNotification('arenalab/feedback', { suggestionId: shownId, outcome: 'accepted' });
    const items = await inline(4, 0);
    const explained = await client.sendRequest<ExplainResult>('arenalab/explain', { suggestionId: String(items[0].command?.arguments?.[0]) });
    assert.ok(explained.sources.some((s) => s.acceptedBefore === 1), JSON.stringify(explained.sources));
  });

  it('indexes files the client reports created on disk (didChangeWatchedFiles)', async () => {
    const removal = (name: string) => [`export function ${name}(db: Db, name: string) {`, "  const gone = db.remove('users', { name });", '  audit.push(gone.id);', '}', ''].join('\n');
    fs.writeFileSync(path.join(workspace, 'e.ts'), removal('dropUser'));
    fs.writeFileSync(path.join(workspace, 'f.ts'), removal('dropAdmin'));
    const changes = ['e.ts', 'f.ts'].map((f) => ({ uri: pathToFileURL(path.join(workspace, f)).href, type: 1 }));
    const applied = new Promise<StatusParams>((resolve) => readyWaiters.push(resolve));
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes });
    // Reports are gathered into batches; the batch announces itself applied with the new count.
    assert.equal((await applied).files, 6, 'a, b, db and the open c on disk, and the reported e and f');
    const gUri = pathToFileURL(path.join(workspace, 'g.ts')).href;
    const text = ['export function dropGuest(db: Db, name: string) {', "  const gone = db.remove('users', { name });", ''].join('\n');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: gUri, languageId: 'typescript', version: 1, text } });
    const items = await client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri: gUri }, position: { line: 2, character: 0 }, context: { triggerKind: 1 } });
    assert.equal(items[0]?.insertText.toString().trim(), 'audit.push(gone.id);');
    const explained = await client.sendRequest<ExplainResult>('arenalab/explain', { suggestionId: String(items[0].command?.arguments?.[0]) });
    assert.ok(explained.sources.some((s) => s.file === 'e.ts' || s.file === 'f.ts'), JSON.stringify(explained.sources));
  });

  it('re-indexes on arenalab/reindex and on the arenalab.reindex command, and takes the accept command', async () => {
    const viaRequest = await client.sendRequest<{ files: number }>('arenalab/reindex');
    assert.equal(viaRequest.files, 7, 'a, b, db, e, f on disk and the open c and g');
    const viaCommand = await client.sendRequest<{ files: number }>('workspace/executeCommand', { command: 'arenalab.reindex', arguments: [] });
    assert.equal(viaCommand.files, 7);
    assert.equal(statuses[statuses.length - 1].state, 'ready');
    assert.equal(await client.sendRequest('workspace/executeCommand', { command: 'arenalab.suggestionAccepted', arguments: [shownId] }), null);
    assert.equal(await client.sendRequest('workspace/executeCommand', { command: 'arenalab.noSuchCommand', arguments: [] }), null);
    assert.ok(logs.some((l) => l.startsWith('workspace/executeCommand failed: UnknownCommandError: unknown command "arenalab.noSuchCommand"')), logs.join('\n'));
  });

  it('answers an unknown method with MethodNotFound and keeps serving', async () => {
    await assert.rejects(client.sendRequest('arenalab/noSuchMethod', {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound);
    assert.ok((await inline(4, 0)).length > 0);
  });

  it('pulls the arenalab settings: a wrong one is shown with its default, a language can be switched off', async () => {
    assert.ok(logs.includes('shown: arenalab.confidenceThreshold: expected a number from 0 to 1, got "high"; using 0.5'), logs.join('\n'));
    const changeTo = async (next: unknown) => {
      config = next;
      const asked = new Promise<void>((resolve) => (configAsked = resolve));
      await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await asked;
    };
    await changeTo({ languages: { typescript: false } });
    assert.deepEqual(await inline(4, 0), []);
    await changeTo({});
    assert.ok((await inline(4, 0)).length > 0);
  });

  it('survives a 10 MB document, binary text, invalid UTF-8 bytes, a message that is not JSON and nonsense positions', async () => {
    const hugeUri = pathToFileURL(path.join(workspace, 'huge.ts')).href;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'typescript', version: 1, text: 'let x = 1;\n'.repeat(1024 * 1024) } });
    const huge = await client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri: hugeUri }, position: { line: 5, character: 0 }, context: { triggerKind: 1 } });
    assert.deepEqual(huge, []);
    assert.ok(logs.some((l) => l.includes('huge.ts') && l.includes('larger than 10 MB')), logs.join('\n'));
    const binaryUri = pathToFileURL(path.join(workspace, 'bin.ts')).href;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: binaryUri, languageId: 'typescript', version: 1, text: 'a\u0000b\u0000\uD800' } });
    assert.deepEqual(await client.sendRequest('textDocument/inlineCompletion', { textDocument: { uri: binaryUri }, position: { line: 0, character: 1 }, context: { triggerKind: 1 } }), []);
    assert.ok(logs.some((l) => l.includes('bin.ts') && l.includes('binary')), logs.join('\n'));
    // Raw bytes that are not UTF-8, written past the client library, which would only ever send valid UTF-8.
    const badUri = pathToFileURL(path.join(workspace, 'bad.ts')).href;
    const prefix = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: badUri, languageId: 'typescript', version: 1, text: 'BAD' } } }));
    const at = prefix.indexOf('BAD');
    child.stdin.write(frame(Buffer.concat([prefix.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), prefix.subarray(at + 3)])));
    child.stdin.write(frame(Buffer.from('{"jsonrpc": "2.0", "method": not json')));
    await client.sendRequest('textDocument/inlineCompletion', { textDocument: { uri: badUri }, position: { line: 0, character: 2 }, context: { triggerKind: 1 } });
    assert.deepEqual(await inline(9999, 9999), []);
    assert.deepEqual(await client.sendRequest('textDocument/inlineCompletion', { position: 'nonsense' }), []);
    assert.ok(logs.some((l) => l.startsWith('textDocument/inlineCompletion failed: TypeError')), 'the bad request was not logged with its method');
    assert.ok((await inline(4, 0)).length > 0, 'the server stopped suggesting after bad input');
    assert.equal(child.exitCode, null, stderr);
  });

  /** The answer to a request sent as raw bytes (our own id), read from the server's output stream. */
  function rawAnswer(id: string): Promise<{ result?: unknown; error?: { code: number } }> {
    return new Promise((resolve) => {
      let raw = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        raw = Buffer.concat([raw, chunk]);
        for (let at = raw.indexOf('Content-Length: '); at >= 0; at = raw.indexOf('Content-Length: ', at + 1)) {
          const headerEnd = raw.indexOf('\r\n\r\n', at);
          if (headerEnd < 0) return;
          const length = Number(/Content-Length: (\d+)/.exec(raw.subarray(at, headerEnd).toString())?.[1]);
          const body = raw.subarray(headerEnd + 4, headerEnd + 4 + length);
          if (body.length < length) return;
          const message = JSON.parse(body.toString()) as { id?: unknown; result?: unknown; error?: { code: number } };
          if (message.id === id) {
            child.stdout.off('data', onData);
            resolve(message);
            return;
          }
        }
      };
      child.stdout.on('data', onData);
    });
  }

  /** Writes these messages in one write, so the server reads them together, as from a client typing fast. */
  const writeTogether = (...messages: object[]) => child.stdin.write(Buffer.concat(messages.map((m) => frame(Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }))))));
  const inlineAt4 = (id: string) => ({ id, method: 'textDocument/inlineCompletion', params: { textDocument: { uri: docUri }, position: { line: 4, character: 0 }, context: { triggerKind: 1 } } });

  it('answers a request cancelled by $/cancelRequest with RequestCancelled or nothing, and keeps serving', async () => {
    const answered = rawAnswer('cancelled-1');
    writeTogether(inlineAt4('cancelled-1'), { method: '$/cancelRequest', params: { id: 'cancelled-1' } });
    const answer = await answered;
    assert.ok(answer.error?.code === LSPErrorCodes.RequestCancelled || (Array.isArray(answer.result) && answer.result.length === 0), JSON.stringify(answer));
    assert.ok((await inline(4, 0)).length > 0, 'the server stopped suggesting after a cancel');
  });

  it('drops the answer to a request whose document changed while it ran (stale version), and answers for the new one', async () => {
    // The engine pauses between its search phases, so the change, read with the request, is applied mid-request.
    const answered = rawAnswer('stale-1');
    const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' };
    writeTogether(inlineAt4('stale-1'), { method: 'textDocument/didChange', params: { textDocument: { uri: docUri, version: 3 }, contentChanges: [edit] } });
    assert.deepEqual(await answered, { jsonrpc: '2.0', id: 'stale-1', result: [] });
    // Everything moved down a line: the blank line after the logger call is now line 6.
    const fresh = await inline(6, 0);
    assert.equal(fresh[0]?.insertText.toString().trim(), 'return row;');
  });

  it('shuts down and exits with code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    assert.equal(await exited, 0, stderr);
  });
});
