import { strict as assert } from 'node:assert';
import { fork, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver/node';

const bin = path.resolve(__dirname, '../../../bin/arenalab.js');

describe('arenalab lsp transports', () => {
  it('speaks LSP over the Node IPC channel when forked with --node-ipc, and exits 0 after shutdown + exit', async () => {
    const child = fork(bin, ['lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const client = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
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
  });

  it('refuses to start without exactly one transport, with a one-line message and exit code 1', () => {
    const run = spawnSync(process.execPath, [bin, 'lsp'], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^arenalab: choose one transport: arenalab lsp --stdio/);
    assert.equal(run.stdout, '');
  });
});
