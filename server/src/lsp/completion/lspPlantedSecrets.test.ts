import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, InlineCompletionItem } from 'vscode-languageserver/node';
import { leakedSecrets, PLANTED_PLACES, writePlantedSecretsWorkspace } from '../../answering/plantedSecretsTestSupport';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// The real server over stdio on the workspace the API and CLI tests use: two files with the same code around an AWS
// key id and a password, and a third document completed at the same place. Neither comes back, inline or as a list.
describe('arenalab lsp --stdio: planted secrets are never suggested (protocol test)', function () {
  let workspace: string;
  let server: TestServer;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-lsp-secrets-'));
    writePlantedSecretsWorkspace(workspace);
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server).catch(() => server.child.kill());
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function ask(name: string, prefix: string) {
    const uri = pathToFileURL(path.join(workspace, 'src', `${name}.ts`)).href;
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: prefix } });
    const line = prefix.split('\n').length - 1;
    const inline = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line, character: 0 }, context: { triggerKind: 1 } });
    const list = await server.client.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } });
    return { inline, list, text: JSON.stringify({ inline, list }) };
  }

  it('suggests the ordinary line at the same place', async () => {
    const { inline } = await ask('plain', PLANTED_PLACES.plain);
    assert.equal(inline[0]?.insertText.toString().trim(), PLANTED_PLACES.plainLine.trim(), JSON.stringify(inline));
  });

  it('withholds the key id and the password, inline and in the list, and logs why', async () => {
    for (const [name, prefix] of [['key', PLANTED_PLACES.keyId], ['password', PLANTED_PLACES.password]] as const) {
      // A later candidate without a secret may still be shown; the secret never is.
      const { text } = await ask(name, prefix);
      assert.deepEqual(leakedSecrets(text), [], text);
    }
    assert.match(await server.logged(/suggestion withheld by the constitution: no_secrets/), /no_secrets/);
  });
});
