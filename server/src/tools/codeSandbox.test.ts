import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeSandbox, SandboxUnavailableError } from './codeSandbox';
import { sandboxCodeExecutor } from './codeExecutor';
import { runSandboxAsNobody } from './unprivilegedSandbox';
import { CancelledError, ToolError } from '@arenalab/core';

/** Live processes owned by a sandbox uid (root mode runs programs as 1.9e9 and up): `pid name state ppid`. */
function sandboxProcesses(): string[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s+(\\S+)`, 'm').exec(status)?.[1] ?? '?';
      return Number(field('Uid')) >= 1_900_000_000 && field('State') !== 'Z' ? [`${entry} ${field('Name')} ${field('State')} ppid ${field('PPid')}`] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Sandbox processes still alive after up to 10 s. The kernel tears a namespace down on its own schedule (a loaded
 * machine may still be reaping when a run resolves); a process that escaped would sleep for minutes and stay listed.
 */
async function survivors(): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (sandboxProcesses().length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return sandboxProcesses();
}

// Real processes in real namespaces: every attack runs and must be stopped by the sandbox, with a message that says
// which limit stopped it. Limits are small so the slow cases end quickly; nothing here asserts a duration.
describe('CodeSandbox (real processes)', function () {
  this.timeout(60_000);
  let sandbox: CodeSandbox;
  let server: net.Server;
  let port: number;
  const victims = [path.join(os.tmpdir(), `arenalab-sibling-${process.pid}`), `/etc/arenalab-pwned-${process.pid}`];

  before(async () => {
    sandbox = await CodeSandbox.create({ timeoutMs: 2000, memoryMb: 128, killOutputBytes: 200_000 });
    server = net.createServer((socket) => socket.end('hello from the host\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    for (const victim of victims) fs.rmSync(victim, { force: true });
  });

  it('runs JavaScript and Python and returns their output', async () => {
    assert.deepEqual(sandbox.languages().sort(), ['javascript', 'python']);
    const js = await sandbox.run('javascript', 'console.log([1, 2, 3].map((x) => x * 2).join(","))');
    assert.equal(js.outcome, 'ok');
    assert.equal(js.stdout, '2,4,6\n');
    const py = await sandbox.run('python', 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(10))\n');
    assert.equal(py.outcome, 'ok');
    assert.equal(py.stdout, '55\n');
  });

  it('gives the program a private temporary working folder it can write, removed afterwards', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('arenalab-sandbox-')).length;
    const result = await sandbox.run('python', "import os\nopen('out.txt', 'w').write('kept')\nprint(open('out.txt').read(), os.getcwd().startswith('/tmp/arenalab-sandbox-'))");
    assert.equal(result.stdout, 'kept True\n');
    assert.equal(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('arenalab-sandbox-')).length, before);
  });

  it('stops an infinite loop at the time limit', async () => {
    for (const [language, code] of [['javascript', 'while (true) {}'], ['python', 'while True:\n    pass']] as const) {
      const result = await sandbox.run(language, code);
      assert.equal(result.outcome, 'timeout', language);
      assert.match(result.message, /ran longer than the time limit of 2000 ms and was killed/);
    }
  });

  it('ends every process of the run, even one that left for a session of its own', async () => {
    const code = 'import os, time\nos.setsid()\nif os.fork() == 0:\n    os.close(1)\n    os.close(2)\n    time.sleep(600)\ntime.sleep(600)';
    const result = await sandbox.run('python', code, { timeoutMs: 1000 });
    assert.equal(result.outcome, 'timeout');
    assert.deepEqual(await survivors(), []);
  });

  it('stops memory bombs at the memory limit', async () => {
    const js = await sandbox.run('javascript', 'const hog = []; for (;;) hog.push(new Array(1e6).fill(7));');
    assert.equal(js.outcome, 'memory');
    assert.match(js.message, /ran out of its memory limit of 128 MB/);
    const buffer = await sandbox.run('javascript', 'const hog = []; for (;;) hog.push(Buffer.alloc(64 * 1024 * 1024, 1));');
    assert.equal(buffer.outcome, 'memory', buffer.stderr);
    const py = await sandbox.run('python', 'hog = []\nwhile True:\n    hog.append(bytearray(16 * 1024 * 1024))');
    assert.equal(py.outcome, 'memory');
  });

  it('stops fork bombs: Python os.fork hits the process limit, Node may not start processes at all', async () => {
    const py = await sandbox.run('python', 'import os\nwhile True:\n    os.fork()');
    assert.equal(py.outcome, 'process_limit', py.stderr);
    assert.match(py.message, /more than 64 processes or threads/);
    assert.deepEqual(await survivors(), [], 'forked children outlived the run');
    const js = await sandbox.run('javascript', "const cp = require('child_process'); for (;;) cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);");
    assert.equal(js.outcome, 'denied');
    assert.match(js.message, /starting processes, threads or native addons is not allowed/);
  });

  it('stops writes outside the temporary folder: /tmp/../etc, a sibling folder, an absolute path', async () => {
    const attacks: [('javascript' | 'python'), string][] = [
      ['python', `open('/tmp/../etc/arenalab-pwned-${process.pid}', 'w').write('x')`],
      ['python', `open('${victims[0]}', 'w').write('x')`],
      ['python', "open('../escaped.txt', 'w').write('x')"],
      ['python', "open('/dev/shm/arenalab-escape', 'w').write('x')"],
      ['python', "open('/var/tmp/arenalab-escape', 'w').write('x')"],
      ['javascript', `require('fs').writeFileSync('${victims[0]}', 'x')`],
      ['javascript', `require('fs').writeFileSync('/tmp/../etc/arenalab-pwned-${process.pid}', 'x')`],
    ];
    for (const [language, code] of attacks) {
      const result = await sandbox.run(language, code);
      assert.equal(result.outcome, 'denied', `${code}: ${result.stderr}`);
      assert.match(result.message, /writing outside the temporary working folder is not allowed/);
    }
    for (const victim of victims) assert.equal(fs.existsSync(victim), false, victim);
  });

  it('has no network: a server on the host loopback and an external host are both unreachable', async () => {
    // The server answers from this process, so the port is open on the host's 127.0.0.1.
    const reachable = await new Promise<string>((resolve, reject) => net.connect(port, '127.0.0.1').on('data', (d) => resolve(String(d))).on('error', reject));
    assert.equal(reachable, 'hello from the host\n');
    const attacks: [('javascript' | 'python'), string][] = [
      ['javascript', `require('net').connect(${port}, '127.0.0.1').on('data', (d) => console.log(String(d))).on('error', (e) => { console.error(e.message); process.exit(1); });`],
      ['javascript', "fetch('http://example.com/').then(() => console.log('fetched'), (e) => { console.error(String(e.cause ?? e)); process.exit(1); });"],
      ['python', `import socket\nprint(socket.create_connection(('127.0.0.1', ${port}), timeout=1).recv(100))`],
      ['python', "import socket\nsocket.create_connection(('93.184.216.34', 80), timeout=1)"],
    ];
    for (const [language, code] of attacks) {
      const result = await sandbox.run(language, code);
      assert.equal(result.outcome, 'denied', `${code}: ${result.stdout} ${result.stderr}`);
      assert.match(result.message, /the sandbox has no network/);
      assert.doesNotMatch(result.stdout, /hello from the host|fetched/);
    }
  });

  it('truncates long output and stops a program that prints without end', async () => {
    const long = await sandbox.run('python', "print('y' * 100000)");
    assert.equal(long.outcome, 'ok');
    assert.equal(long.truncated, true);
    assert.match(long.stdout, /\n\[truncated: \d+ more bytes\]$/);
    // Python writes through as it goes; Node buffers a synchronous print loop in memory, so it meets the time limit.
    const endless = await sandbox.run('python', "while True:\n    print('x' * 1000, flush=True)");
    assert.equal(endless.outcome, 'output');
    assert.match(endless.message, /printed more than 200000 bytes and was killed/);
  });

  it('the tool executor turns each stop into a typed ToolError with the reason', async () => {
    const executor = sandboxCodeExecutor({}, async () => sandbox);
    const ok = await executor.execute({ code: 'print(6 * 7)', language: 'python', timeout_ms: 5000 });
    assert.equal(ok.text, '42');
    await assert.rejects(executor.execute({ code: 'while True: pass', language: 'python', timeout_ms: 500 }), (error: unknown) => error instanceof ToolError && error.code === 'timeout' && /time limit of 500 ms/.test(error.message));
    await assert.rejects(executor.execute({ code: 'raise ValueError("boom")', language: 'python', timeout_ms: 5000 }), (error: unknown) => error instanceof ToolError && error.code === 'failed' && /exited with code 1[\s\S]*ValueError: boom/.test(error.message));
  });

  it('honours cancellation: the running program is killed and the call rejects with CancelledError', async () => {
    const token = { isCancelled: false };
    const running = sandbox.run('python', 'import time\nprint("started", flush=True)\ntime.sleep(60)', { token });
    setTimeout(() => (token.isCancelled = true), 200);
    await assert.rejects(running, (error: unknown) => error instanceof CancelledError && /code execution was cancelled/.test(error.message));
    await assert.rejects(sandbox.run('python', 'print(1)', { token }), CancelledError);
  });

  it('refuses to run anything when the sandbox cannot be set up', async () => {
    const saved = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-empty-path-'));
    try {
      await assert.rejects(CodeSandbox.create(), (error: unknown) => error instanceof SandboxUnavailableError && /code execution is off: the sandbox .* does not work here/.test(error.message));
      const executor = sandboxCodeExecutor();
      await assert.rejects(executor.execute({ code: 'console.log(1)', language: 'javascript', timeout_ms: 1000 }), (error: unknown) => error instanceof ToolError && error.code === 'unavailable');
    } finally {
      fs.rmSync(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = saved;
    }
  });

  it('without root (user namespace mode) the same attacks are stopped', function () {
    // CI runs as root, so the rootless path is exercised by running a sandbox as an unprivileged user.
    if (process.getuid?.() !== 0) this.skip();
    const run = runSandboxAsNobody(
      ([
        ['python', 'print(6 * 7)'],
        ['python', 'import os\nwhile True:\n    os.fork()'],
        ['python', `open('${victims[0]}', 'w').write('x')`],
        ['python', "import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=1)"],
        ['python', "import os\nos.system('mount -o remount,rw / 2>/dev/null && echo remounted')\nopen('/etc/rootless-pwned', 'w')"],
      ] as const).map(([language, code]) => ({ language, code })),
      { timeoutMs: 2000 },
    );
    if (!run.ok) {
      // Some kernels forbid unprivileged user namespaces: then the sandbox must refuse, never run unconfined.
      assert.match(run.error, /code execution is off: the sandbox .* does not work here/, run.stderr);
      return;
    }
    const outcomes = [run.mode, ...run.runs.map((result) => result.outcome)];
    // Without root the process limit is relative to what the user already runs, so on a busy machine (other runs of
    // the same uid ending meanwhile) the bomb may meet the time limit first; either way it is stopped.
    assert.ok(['process_limit', 'timeout'].includes(outcomes[2]), `fork bomb: ${outcomes[2]}`);
    assert.deepEqual([...outcomes.slice(0, 2), ...outcomes.slice(3)], ['rootless', 'ok', 'denied', 'denied', 'denied'], run.stderr);
    assert.equal(fs.existsSync(victims[0]), false);
  });
});
