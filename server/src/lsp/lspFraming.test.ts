import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The real server over stdio, fed raw bytes as a broken client would send them: after a frame it cannot read, it
// must exit with a clear line on stderr (so the editor restarts it) instead of living on without answering.
const repoRoot = path.resolve(__dirname, '../../..');
const EXIT_WAIT_MS = 15_000;

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const request = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/inlineCompletion', params: { textDocument: { uri: 'file:///x.ts' }, position: { line: 0, character: 0 }, context: { triggerKind: 1 } } });

interface Exit { code: number | null; stderr: string }

/** Starts the server, checks it answers initialize, writes `broken`, and resolves with how it exited. */
async function exitAfter(cwd: string, broken: string): Promise<Exit> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'lsp', '--stdio'], { cwd });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const answered = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('"id":1')) resolve();
  }));
  child.stdin.on('error', () => undefined);
  child.stdin.write(frame(initialize));
  const died = exited.then(({ code }) => Promise.reject(new Error(`exited with ${code} before answering initialize: ${stderr}`)));
  await Promise.race([answered, died]);
  child.stdin.write(broken);
  let timer: NodeJS.Timeout | undefined;
  const stillRunning = new Promise<Exit>((resolve) => {
    timer = setTimeout(() => resolve({ code: null, stderr: `${stderr}[still running ${EXIT_WAIT_MS} ms after the broken frame]` }), EXIT_WAIT_MS);
  });
  const result = await Promise.race([exited, stillRunning]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
  return result;
}

describe('arenalab lsp --stdio: frames it cannot read (real server, raw bytes)', function () {
  this.timeout(40_000);
  let cwd: string;

  before(() => (cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-lsp-framing-'))));
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  const cases: [string, string, RegExp][] = [
    ['Content-Length: abc', `Content-Length: abc\r\n\r\n${request}`, /Content-Length "abc" is not a whole number of bytes/],
    ['Content-Length: -5', `Content-Length: -5\r\n\r\n${request}`, /Content-Length "-5" is not a whole number of bytes/],
    ['LF-only header lines', `Content-Length: ${request.length}\n\n${request}`, /a header line ends in LF without CR/],
    ['a length shorter than the body', frame(request, 20), /does not start a header line/],
    ['a body without a header', request, /"\{" does not start a header line/],
    ['a header without Content-Length', `Content-Type: application/json\r\n\r\n${request}`, /a message header without Content-Length/],
    ['a header that never ends', 'X-Filler: '.padEnd(9000, 'a'), /no end of the message header within 8192 bytes/],
  ];
  for (const [name, broken, reason] of cases) {
    it(`exits with code 2 and says why after ${name}`, async () => {
      const { code, stderr } = await exitAfter(cwd, broken);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /arenalab lsp: malformed message from the client: .*; exiting so the editor can restart the server/);
      assert.match(stderr, reason);
    });
  }

  it('keeps serving after a well-framed body that is not JSON (the stream is still in step)', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'lsp', '--stdio'], { cwd });
    try {
      let stdout = '';
      const answered = (id: number) => new Promise<void>((resolve) => {
        const check = () => (stdout.includes(`"id":${id}`) ? resolve() : undefined);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        check();
      });
      child.stdin.write(frame(initialize));
      await answered(1);
      child.stdin.write(frame('{"jsonrpc": "2.0", "method": not json') + frame(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'shutdown' })));
      await answered(3);
      assert.equal(child.exitCode, null);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
