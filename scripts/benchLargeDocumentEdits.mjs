// Times a burst of incremental edits to an open document over the size limit, through the real language server:
// `node scripts/benchLargeDocumentEdits.mjs [edits] [megabytes]` (defaults 10000 and 11). Prints the time from the
// first edit sent until a completion request on a small document, sent after the burst, is answered.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

const edits = Number(process.argv[2] ?? 10000);
const megabytes = Number(process.argv[3] ?? 11);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-bench-edits-'));
fs.writeFileSync(path.join(workspace, 'small.ts'), 'export const one = 1;\n');
const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'lsp', '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
const client = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
client.onRequest('window/workDoneProgress/create', () => null);
client.onRequest('workspace/configuration', () => [{}]);
const ready = new Promise((resolve) => client.onNotification('arenalab/status', (s) => s.state === 'ready' && resolve()));
client.listen();
const rootUri = pathToFileURL(workspace).href;
await client.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
await client.sendNotification('initialized', {});
await ready;
const bigUri = `${rootUri}/big.ts`;
const smallUri = `${rootUri}/small.ts`;
const line = 'let x = 1;\n';
await client.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'typescript', version: 1, text: line.repeat(Math.ceil((megabytes * 1024 * 1024) / line.length)) } });
await client.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'typescript', version: 1, text: 'export const one = 1;\n' } });
await client.sendRequest('textDocument/inlineCompletion', { textDocument: { uri: smallUri }, position: { line: 1, character: 0 }, context: { triggerKind: 1 } });
const started = process.hrtime.bigint();
for (let i = 0; i < edits; i++) {
  const at = { line: i % 1000, character: 0 };
  void client.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: i + 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'y' }] });
}
await client.sendRequest('textDocument/inlineCompletion', { textDocument: { uri: smallUri }, position: { line: 1, character: 0 }, context: { triggerKind: 1 } });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`${edits} incremental edits to a ${megabytes} MB open document, then a completion on a small one: ${ms.toFixed(0)} ms`);
await client.sendRequest('shutdown');
await client.sendNotification('exit');
fs.rmSync(workspace, { recursive: true, force: true });
