import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { leakedSecrets, PRINT_KEY_PROGRAM, writePlantedSecretsWorkspace } from '../answering/plantedSecretsTestSupport';
import { SpanStore } from '../store';

// `arenalab ask` and `arenalab tool` as a user runs them: the built launcher in a child process, a real workspace,
// the real sandbox and store.
const launcher = path.resolve(__dirname, '../../..', 'bin', 'arenalab.js');

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('arenalab ask / tool (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-tool-cli-'));
    fs.mkdirSync(path.join(tmp, 'src'));
    fs.writeFileSync(path.join(tmp, 'src', 'math.ts'), 'export function square(x: number) {\n  return x * x;\n}\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints what a tool read, found or ran with planted secrets redacted, as text and as JSON', () => {
    writePlantedSecretsWorkspace(tmp);
    for (const args of [
      ['ask', 'show me the file lib/alpha.ts'],
      ['ask', 'search the workspace for "accessKeyId"'],
      ['ask', PRINT_KEY_PROGRAM],
      ['tool', 'run', 'read_file', '--args', '{"path":"lib/beta.ts"}'],
    ]) {
      for (const json of [[], ['--json']]) {
        const out = cli([...args, '--no-store', ...json], tmp);
        assert.equal(out.code, 0, out.stderr);
        assert.deepEqual(leakedSecrets(out.stdout + out.stderr), [], out.stdout);
        assert.match(out.stdout, /<redacted:aws_access_key>/);
      }
    }
  });

  it('answers with a tool, stores the span in <workspace>/.arenalab, and prints JSON for scripts', () => {
    const calc = cli(['ask', 'what is 2^10 * 3'], tmp);
    assert.equal(calc.code, 0, calc.stderr);
    assert.match(calc.stdout, /^2\^10 \* 3 = 3072\n/);
    assert.match(calc.stdout, /stored as span sp_[0-9a-f]{24}/);
    const search = JSON.parse(cli(['ask', 'where is square defined', '--json'], tmp).stdout);
    assert.equal(search.results[0].toolId, 'workspace_search');
    assert.match(search.answer, /src\/math\.ts:1: export function square/);
    const code = JSON.parse(cli(['tool', 'run', 'code_executor', '--args', '{"code":"print(sum(range(10)))","language":"python"}', '--json'], tmp).stdout);
    assert.equal(code.results[0].output.text, '45');
    const verify = cli(['verify'], tmp);
    assert.match(verify.stdout, /ok, 3 records/);
  });

  it('fails clearly: a stopped program, bad --args, a path outside the workspace; --no-store stores nothing', () => {
    const loop = cli(['tool', 'run', 'code_executor', '--args', '{"code":"while(true){}","timeout_ms":500}', '--no-store'], tmp);
    assert.equal(loop.code, 1);
    assert.match(loop.stdout, /code_executor failed: stopped: the program ran longer than the time limit of 500 ms and was killed/);
    const bad = cli(['tool', 'run', 'calculator', '--args', '[1]', '--no-store'], tmp);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, 'arenalab: --args must be a JSON object, e.g. {"expression":"2^10"}\n');
    const escape = cli(['tool', 'run', 'read_file', '--args', '{"path":"../../etc/passwd"}', '--no-store'], tmp);
    assert.equal(escape.code, 1);
    assert.match(escape.stdout, /read_file failed: '..\/..\/etc\/passwd' is outside the workspace/);
    assert.equal(fs.existsSync(path.join(tmp, '.arenalab')), false);
  });

  it('answers and stores the span while another process has the store open for writing', async () => {
    const held = await SpanStore.open(path.join(tmp, '.arenalab'), { mode: 'write' });
    try {
      const result = cli(['ask', 'what is 6 * 7'], tmp);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^6 \* 7 = 42\n[\s\S]*stored as span sp_[0-9a-f]{24}/);
      assert.deepEqual((await held.append([])).appended, 0);
      assert.equal(held.count, 1, 'the other writer sees the span once it appends');
    } finally {
      await held.close();
    }
  });

  it('code run through the CLI cannot read the workspace it serves: not its .env, its span store or a file beside it', () => {
    // Readable by anyone on the host (as many checkouts are), so only the sandbox's own filesystem keeps them out.
    fs.chmodSync(tmp, 0o755);
    fs.writeFileSync(path.join(tmp, '.env'), 'API_KEY=planted-in-dot-env\n', { mode: 0o644 });
    assert.equal(cli(['ask', 'what is 6 * 7'], tmp).code, 0);
    fs.chmodSync(path.join(tmp, '.arenalab'), 0o755);
    fs.chmodSync(path.join(tmp, '.arenalab', 'spans.log'), 0o644);
    for (const file of [path.join(tmp, '.env'), path.join(tmp, '.arenalab', 'spans.log'), path.join(tmp, 'src', 'math.ts')]) {
      assert.ok(fs.existsSync(file), file);
      const code = `try:\n    print('LEAK', open(${JSON.stringify(file)}).read())\nexcept OSError as e:\n    print('blocked', type(e).__name__)`;
      const run = JSON.parse(cli(['tool', 'run', 'code_executor', '--args', JSON.stringify({ code, language: 'python' }), '--no-store', '--json'], tmp).stdout);
      assert.equal(run.results[0].output.text, 'blocked FileNotFoundError', file);
    }
  });

  it('lists the tools with their schemas, and every command has --help', () => {
    const list = JSON.parse(cli(['tool', 'list', '--json'], tmp).stdout) as { id: string; parameters: { properties: object } }[];
    assert.deepEqual(list.map((t) => t.id), ['calculator', 'code_executor', 'read_file', 'workspace_search', 'web_search', 'image_generator']);
    assert.deepEqual(Object.keys(list[1].parameters.properties), ['code', 'language', 'timeout_ms']);
    for (const command of [['ask'], ['tool'], ['tool', 'run'], ['tool', 'list']]) {
      const help = cli([...command, '--help'], tmp);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: arenalab/m);
    }
  });
});
