import { strict as assert } from 'node:assert';
import { fork, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver/node';

const bin = path.resolve(__dirname, '../../../bin/arenalab.js');

/** The server answers initialize (with inline completions), then shutdown + exit ends it with code 0. */
async function initializeShutdownExit(child: ChildProcess, client: MessageConnection): Promise<void> {
  client.listen();
  try {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const result = await client.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.capabilities.inlineCompletionProvider, true);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    client.dispose();
    if (child.exitCode === null) child.kill();
  }
}

describe('arenalab lsp transports', () => {
  it('speaks LSP over the Node IPC channel when forked with --node-ipc, and exits 0 after shutdown + exit', async () => {
    const child = fork(bin, ['lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    await initializeShutdownExit(child, createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
  });

  // What vscode-languageclient does for a server module with no runtime (the editor's own runtime): fork on the
  // host's executable with ELECTRON_RUN_AS_NODE, pipes for stdio, and --stdio --clientProcessId=<editor pid> appended.
  it("answers over stdio when forked the way the VS Code client starts it on the editor's runtime", async () => {
    const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' };
    const child = fork(bin, ['lsp', '--stdio', `--clientProcessId=${process.pid}`], { silent: true, execArgv: [], env });
    await initializeShutdownExit(child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
  });

  it('exits by itself when the editor process named by --clientProcessId is gone', async function () {
    this.timeout(60_000);
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const child = fork(bin, ['lsp', '--stdio', `--clientProcessId=${editor.pid}`], { silent: true, execArgv: [] });
    const client = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    client.listen();
    try {
      let editorKilled = false;
      // Resolves with whether the editor was already gone when the server exited; a server that never exits fails
      // this test by its timeout.
      const exitedAfterEditor = new Promise<boolean>((resolve) => child.on('exit', () => resolve(editorKilled)));
      await client.sendRequest<InitializeResult>('initialize', { processId: editor.pid, rootUri: null, capabilities: {} });
      editorKilled = true;
      editor.kill('SIGKILL');
      assert.equal(await exitedAfterEditor, true);
    } finally {
      client.dispose();
      if (child.exitCode === null) child.kill();
      if (editor.exitCode === null) editor.kill('SIGKILL');
    }
  });

  it('refuses to start without exactly one transport, with a one-line message and exit code 1', () => {
    const run = spawnSync(process.execPath, [bin, 'lsp'], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^arenalab: choose one transport: arenalab lsp --stdio/);
    assert.equal(run.stdout, '');
  });
});
