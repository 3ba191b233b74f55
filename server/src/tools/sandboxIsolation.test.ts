import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLanguage } from '@arenalab/core';
import { CodeSandbox } from './codeSandbox';
import { runSandboxAsNobody, type NobodyRun } from './unprivilegedSandbox';

const MARKER = `arenalab-host-secret-${process.pid}`;

/** A Unix socket server on the host that anyone may connect to, counting who did. */
class HostSocket {
  connections = 0;
  private readonly server = net.createServer((socket) => {
    this.connections++;
    socket.end(`${MARKER} from the socket\n`);
  });

  constructor(readonly address: string) {}

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.once('error', reject).listen(this.address, resolve));
    if (!this.address.startsWith('\0')) fs.chmodSync(this.address, 0o777);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Python and Node programs that try to connect to a socket and print `LEAK: …` on success, `blocked: …` on failure. */
function socketAttacks(address: string): NobodyRun[] {
  const py = JSON.stringify(address);
  return [
    {
      language: 'python',
      code: `import socket\ns = socket.socket(socket.AF_UNIX)\ntry:\n    s.connect(${py})\n    print('LEAK:', s.recv(200))\nexcept OSError as e:\n    print('blocked:', type(e).__name__, e.errno)\n`,
    },
    {
      language: 'javascript',
      code: `require('net').connect(${py}).on('data', (d) => console.log('LEAK: ' + d)).on('error', (e) => console.log('blocked: ' + e.code));`,
    },
  ];
}

/** Programs that try to read a host file and print `LEAK: …` when they can. */
function readAttacks(file: string): NobodyRun[] {
  const quoted = JSON.stringify(file);
  return [
    { language: 'python', code: `try:\n    print('LEAK:', open(${quoted}).read())\nexcept OSError as e:\n    print('blocked:', type(e).__name__)\n` },
    { language: 'javascript', code: `try { console.log('LEAK: ' + require('fs').readFileSync(${quoted}, 'utf8')); } catch (e) { console.log('blocked: ' + e.code); }` },
  ];
}

// What a program in the sandbox sees of the machine: its own root, nothing of the host but the system folders and what
// it was given. Each attack is a real program against real host files and sockets; each runs as root (root mode) and
// as an unprivileged user (user-namespace mode).
describe('CodeSandbox isolation from the host (real processes)', function () {
  this.timeout(120_000);
  let sandbox: CodeSandbox;
  let fixtures: string;
  let workspace: string;
  let sockets: HostSocket[];
  const hostPasswd = fs.readFileSync('/etc/passwd', 'utf8');

  before(async () => {
    sandbox = await CodeSandbox.create({ timeoutMs: 5000 });
    // World-readable on purpose: the file permissions would let any user read and connect; only the sandbox stops it.
    fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-host-'));
    fs.chmodSync(fixtures, 0o755);
    workspace = path.join(fixtures, 'workspace');
    fs.mkdirSync(path.join(workspace, '.arenalab'), { recursive: true });
    fs.mkdirSync(path.join(workspace, 'src'));
    fs.mkdirSync(path.join(fixtures, 'sockets'), { mode: 0o777 });
    fs.chmodSync(path.join(fixtures, 'sockets'), 0o777);
    fs.writeFileSync(path.join(workspace, '.env'), `API_KEY=${MARKER}\n`, { mode: 0o644 });
    fs.writeFileSync(path.join(workspace, '.arenalab', 'spans.log'), `{"this":"${MARKER}"}\n`, { mode: 0o644 });
    fs.writeFileSync(path.join(workspace, 'src', 'data.txt'), 'given to the program\n', { mode: 0o644 });
    fs.writeFileSync(path.join(fixtures, 'beside.txt'), `${MARKER}\n`, { mode: 0o644 });
    for (const dir of [path.join(workspace, '.arenalab'), path.join(workspace, 'src')]) fs.chmodSync(dir, 0o755);
    fs.chmodSync(workspace, 0o755);
    sockets = [
      new HostSocket(path.join(fixtures, 'sockets', 'agent.sock')),
      new HostSocket(path.join('/tmp', `arenalab-host-${process.pid}.sock`)),
      new HostSocket(`\0arenalab-host-abstract-${process.pid}`),
    ];
    for (const socket of sockets) await socket.listen();
  });

  after(async () => {
    for (const socket of sockets ?? []) await socket.close();
    if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
  });

  function attacks(): NobodyRun[] {
    const files = [path.join(fixtures, 'beside.txt'), path.join(workspace, '.env'), path.join(workspace, '.arenalab', 'spans.log')];
    // /etc/passwd exists in the sandbox, as a stub naming only the sandbox user: anything else is the host's.
    const passwd: NobodyRun = {
      language: 'python',
      code: "text = open('/etc/passwd').read()\nprint('blocked: a stub' if all(l.startswith('sandbox:x:') for l in text.splitlines()) else 'LEAK: ' + text)\n",
    };
    return [...sockets.flatMap((socket) => socketAttacks(socket.address)), ...files.flatMap(readAttacks), passwd];
  }

  function assertBlocked(runs: { outcome: string; stdout: string; stderr: string }[], plan: NobodyRun[], mode: string, connectionsBefore: number[]): void {
    runs.forEach((result, index) => {
      const what = `${mode} ${plan[index].language}: ${plan[index].code.split('\n')[0]}…`;
      assert.equal(result.outcome, 'ok', `${what} ${result.stderr}`);
      assert.match(result.stdout, /^blocked: /, what);
      assert.doesNotMatch(result.stdout + result.stderr, new RegExp(MARKER), what);
      // The sandbox's /etc/passwd is a stub of its own; not one line of the host's.
      for (const line of hostPasswd.split('\n').filter(Boolean)) assert.ok(!result.stdout.includes(line), `${what} printed the host's ${line}`);
    });
    assert.deepEqual(sockets.map((socket) => socket.connections), connectionsBefore, `${mode}: a program reached a host socket`);
  }

  it('the host itself can connect to each socket and read each file (the attacks below aim at something real)', async () => {
    const reply = await new Promise<string>((resolve, reject) => net.connect(sockets[1].address).on('data', (d) => resolve(String(d))).on('error', reject));
    assert.match(reply, new RegExp(MARKER));
    assert.equal(sockets[1].connections, 1);
    assert.match(fs.readFileSync(path.join(workspace, '.env'), 'utf8'), new RegExp(MARKER));
  });

  it('as root: no host Unix socket (in a 0777 folder, in /tmp, abstract) and no host file (/etc/passwd, beside the workspace, .env, the span store) is reachable', async () => {
    const plan = attacks();
    const before = sockets.map((socket) => socket.connections);
    const runs = [];
    for (const run of plan) runs.push(await sandbox.run(run.language, run.code));
    assertBlocked(runs, plan, 'root', before);
  });

  it('without root (user namespace mode): the same sockets and files are unreachable', function () {
    if (process.getuid?.() !== 0) this.skip();
    const plan = attacks();
    const before = sockets.map((socket) => socket.connections);
    const run = runSandboxAsNobody(plan, { timeoutMs: 5000 });
    if (!run.ok) {
      assert.match(run.error, /code execution is off: the sandbox .* does not work here/, run.stderr);
      return;
    }
    assert.equal(run.mode, 'rootless');
    assertBlocked(run.runs, plan, 'rootless', before);
  });

  it('sees a root of its own: system folders, stub /etc, its own /proc, three devices, no host /tmp, home or /run', async () => {
    const code = [
      'import os',
      "print(sorted(os.listdir('/etc')))",
      "print(sorted(os.listdir('/dev')))",
      "print(sorted(os.listdir('/tmp')) == [os.path.basename(os.getcwd())])",
      "print(sorted(set(os.listdir('/')) & {'home', 'root', 'run', 'srv', 'opt', 'mnt', 'media', 'boot', 'sys', 'work'}))",
      "print(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))",
      "print(os.listdir('/var'), os.listdir('/var/tmp'), os.listdir('/dev/shm'))",
    ].join('\n');
    const result = await sandbox.run('python', code);
    assert.equal(result.outcome, 'ok', result.stderr);
    const [etc, dev, tmp, hostFolders, pids, scratch] = result.stdout.trim().split('\n');
    assert.ok(["['group', 'ld.so.cache', 'passwd']", "['group', 'passwd']"].includes(etc), etc);
    assert.equal(dev, "['null', 'shm', 'urandom', 'zero']");
    assert.equal(tmp, 'True');
    assert.equal(hostFolders, '[]');
    // PID 1 is the namespace's own; the host's processes (this one among them) do not exist there.
    const seen = JSON.parse(pids) as number[];
    assert.equal(seen[0], 1);
    assert.ok(seen.length < 10 && !seen.includes(process.pid), pids);
    assert.equal(scratch, "['tmp'] [] []");
  });

  it('reads an explicit input read-only at /input/<name>, and nothing beside it', async () => {
    const inputs = { src: path.join(workspace, 'src') };
    const cases: [CodeLanguage, string, RegExp][] = [
      ['python', "print(open('/input/src/data.txt').read(), end='')", /^given to the program\n$/],
      ['javascript', "process.stdout.write(require('fs').readFileSync('/input/src/data.txt', 'utf8'))", /^given to the program\n$/],
      ['python', "import os\nprint(sorted(os.listdir('/input')), os.path.exists('/input/src/../.env'))", /^\['src'\] False\n$/],
    ];
    for (const [language, code, expected] of cases) {
      const result = await sandbox.run(language, code, { inputs });
      assert.equal(result.outcome, 'ok', `${code}: ${result.stderr}`);
      assert.match(result.stdout, expected, code);
    }
    for (const [language, code] of [
      ['python', "open('/input/src/data.txt', 'a').write('changed')"],
      ['javascript', "require('fs').writeFileSync('/input/src/new.txt', 'x')"],
    ] as const) {
      const result = await sandbox.run(language, code, { inputs });
      assert.equal(result.outcome, 'denied', `${code}: ${result.stderr}`);
    }
    assert.equal(fs.readFileSync(path.join(workspace, 'src', 'data.txt'), 'utf8'), 'given to the program\n');
    assert.deepEqual(fs.readdirSync(path.join(workspace, 'src')), ['data.txt']);
  });
});
