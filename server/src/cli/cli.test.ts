import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelFolder, tinyModel } from '../adapters/tinyOnnxModel';
import { generateChatLog } from '../bench/generateChatLog';
import type { Command } from 'commander';
import { gitEnvironment, safeGitArguments } from '../host';
import { createProgram } from './main';

// The real CLI, as a user runs it: a child process on the built launcher, real files, real store.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');
const sample = path.join(root, 'test-fixtures', 'sample-workspace');

function cli(args: string[], cwd = root): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(args: string[]): T {
  const result = cli([...args, '--json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as T;
}

/** The secret text of a redaction case: what `input` has between the prefix and suffix it shares with `expect`. */
function plantedSecret(input: string, expect: string): string {
  let start = 0;
  while (start < input.length && input[start] === expect[start]) start++;
  let end = 0;
  while (end < input.length - start && input[input.length - 1 - end] === expect[expect.length - 1 - end]) end++;
  return input.slice(start, input.length - end);
}

describe('arenalab CLI (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-cli-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has --help on every command of the program definition, each naming its own usage', () => {
    const paths: string[][] = [];
    const walk = (command: Command, at: string[]) => {
      paths.push(at);
      for (const sub of command.commands) walk(sub, [...at, sub.name()]);
    };
    walk(createProgram(), []);
    // The walk must see the real program: a broken walk finding nothing would otherwise pass.
    assert.ok(paths.length > 30, `only ${paths.length} commands found`);
    for (const command of paths) {
      const result = cli([...command, '--help']);
      assert.equal(result.code, 0, `${command.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, new RegExp(`^Usage: arenalab${command.map((name) => ` ${name}`).join('')}( |$)`, 'm'), command.join(' '));
    }
  });

  it('ingests the sample workspace, reports bad records and redactions, and re-ingest is idempotent', () => {
    const store = path.join(tmp, 'store');
    type Report = { appended: number; duplicates: number; problemCount: number; problems: string[]; redactions: Record<string, number> };
    const first = json<Report>(['ingest', sample, '--store', store]);
    assert.equal(first.appended, 30);
    assert.equal(first.problemCount, 4);
    assert.ok(first.problems.some((p) => /editor-session\.jsonl:13: when: must be an ISO-8601 date/.test(p)), first.problems.join('\n'));
    assert.ok(first.problems.some((p) => /editor-session\.jsonl:14: status: must be one of pending, completed, failed/.test(p)));
    assert.deepEqual(first.redactions, { aws_access_key: 1, aws_secret_key: 1 });
    const log = fs.readFileSync(path.join(store, 'spans.log'), 'utf8');
    assert.ok(!log.includes('AKIAQX7RPLK2MZ4TNW3E') && !log.includes('wJalrXUtnFEMI/K7MDENG'), 'a planted secret reached the store');
    const again = json<Report>(['ingest', sample, '--store', store]);
    assert.equal(again.appended, 0);
    assert.equal(again.duplicates, 30);
    const verify = json<{ ok: boolean; records: number }>(['verify', '--store', store]);
    assert.deepEqual([verify.ok, verify.records], [true, 30]);
  });

  it('never stores a secret: every redaction case ingested through the CLI leaves only its redacted form on disk', () => {
    const cases = fs.readFileSync(path.join(root, 'test-fixtures', 'secrets', 'cases.jsonl'), 'utf8')
      .split('\n').filter(Boolean).map((line) => JSON.parse(line) as { input: string; expect: string })
      .filter((c) => c.input !== c.expect);
    assert.ok(cases.length >= 10);
    const file = path.join(tmp, 'secrets.jsonl');
    fs.writeFileSync(file, cases.map((c, i) => JSON.stringify({
      id: `secret-${i}`, who: 'dev', did: 'paste_config', this: c.input, when: '2026-01-01T00:00:00Z', status: 'completed', if_ok: c.input,
    })).join('\n') + '\n');
    const store = path.join(tmp, 'store');
    const report = json<{ appended: number; redactedSpans: number }>(['ingest', file, '--store', store]);
    assert.equal(report.appended, cases.length);
    assert.equal(report.redactedSpans, cases.length);
    const log = fs.readFileSync(path.join(store, 'spans.log'), 'utf8');
    for (const c of cases) {
      const secret = plantedSecret(c.input, c.expect);
      assert.ok(secret.length >= 4, `case too small to check: ${c.input}`);
      assert.ok(!log.includes(JSON.stringify(secret).slice(1, -1)), `secret stored: ${secret}`);
      assert.ok(log.includes(JSON.stringify(c.expect).slice(1, -1)), `redacted form missing: ${c.expect}`);
    }
  });

  it('ingests a git repository and links each change to the previous change of the same file', () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    const git = (...args: string[]) => {
      const r = spawnSync('git', safeGitArguments(['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args]), {
        cwd: repo, encoding: 'utf8', env: gitEnvironment({ GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z' }),
      });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'app.ts'), 'export const a = 1;\n');
    git('add', '.');
    git('commit', '-q', '-m', 'add app');
    fs.writeFileSync(path.join(repo, 'app.ts'), 'export const a = 2;\n');
    git('commit', '-q', '-am', 'change app');
    const store = path.join(tmp, 'store');
    const report = json<{ appended: number; sources: { format: string }[] }>(['ingest', repo, '--format', 'git', '--store', store]);
    assert.equal(report.appended, 2);
    const quality = json<{ spans: { id: string; did: string; this: string }[] }>(['quality', '--store', store, '--index', 'exact']);
    assert.deepEqual(quality.spans.map((s) => [s.did, s.this]), [['commit', 'app.ts: add app'], ['commit', 'app.ts: change app']]);
  });

  it('reports a tampered store with the position of the first broken record', () => {
    const store = path.join(tmp, 'store');
    json(['ingest', sample, '--store', store]);
    const logPath = path.join(store, 'spans.log');
    const lines = fs.readFileSync(logPath, 'utf8').split('\n');
    const target = lines.findIndex((line, i) => i >= 3 && line.includes('"did":"ask_question"'));
    assert.ok(target >= 3);
    lines[target] = lines[target].replace('"did":"ask_question"', '"did":"ask_questionX"');
    fs.writeFileSync(logPath, lines.join('\n'));
    const result = cli(['verify', '--store', store, '--json']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { ok: boolean; firstBroken: { position: number; reason: string } };
    assert.equal(report.ok, false);
    assert.equal(report.firstBroken.position, target);
    assert.equal(report.firstBroken.reason, 'checksum');
  });

  it('stops cleanly on Ctrl-C: exit 130, the store verifies, and only whole batches were acknowledged', async () => {
    const file = path.join(tmp, 'big.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      lines.push(JSON.stringify({ messages: [{ role: 'user', content: `question number ${i} about topic ${i % 97}?` }, { role: 'assistant', content: `answer ${i}` }] }));
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const store = path.join(tmp, 'store');
    const child = spawn(process.execPath, [launcher, 'ingest', file, '--format', 'chat', '--store', store, '--batch-size', '500', '--json'], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Interrupt once the first batches are durable: the log file has grown.
    const logPath = path.join(store, 'spans.log');
    while (!(fs.existsSync(logPath) && fs.statSync(logPath).size > 0)) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const verify = json<{ ok: boolean; records: number }>(['verify', '--store', store]);
    assert.equal(verify.ok, true);
    process.stderr.write(`      (ingest exited with ${code}: ${code === 130 ? 'interrupted' : 'finished first'})\n`);
    if (code === 130) {
      const report = JSON.parse(stdout) as { cancelled: boolean; appended: number };
      assert.equal(report.cancelled, true);
      assert.equal(report.appended, verify.records);
      assert.ok(report.appended < 60_000 && report.appended % 500 === 0, `appended ${report.appended}`);
    } else {
      // The ingest finished before the signal arrived; then everything must be there.
      assert.equal(code, 0);
      assert.equal(verify.records, 60_000);
    }
  });

  it('runs the main job, then exports, verifies, refuses a tampered copy, freezes and versions datasets', () => {
    const store = path.join(tmp, 'store');
    type Run = { quality: { count: number; classes: Record<string, number> }; dataset: { ref: string; stats: { total_spans: number }; merkle_root: string } };
    const run = json<Run>(['run', sample, '--store', store, '--index', 'exact']);
    assert.equal(run.quality.count, 30);
    assert.equal(run.dataset.ref, 'diamond_dataset_v1@1.0.0');
    assert.equal(run.dataset.stats.total_spans, run.quality.classes.diamond);
    const out = path.join(tmp, 'export');
    json(['dataset', 'export', 'diamond_dataset_v1', '--store', store, '--out', out]);
    const verified = json<{ ok: boolean; merkle_root: string }>(['dataset', 'verify', out]);
    assert.deepEqual([verified.ok, verified.merkle_root], [true, run.dataset.merkle_root]);

    const spansFile = path.join(out, 'spans.jsonl');
    fs.writeFileSync(spansFile, fs.readFileSync(spansFile, 'utf8').replace('borrow', 'b0rrow'));
    const refused = cli(['dataset', 'import', out, '--store', path.join(tmp, 'other')]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /spans\.jsonl/);
    assert.equal(fs.existsSync(path.join(tmp, 'other', 'datasets', 'diamond_dataset_v1')), false);

    json(['dataset', 'freeze', 'diamond_dataset_v1@1.0.0', '--store', store]);
    const rebuilt = json<{ ref: string }>(['dataset', 'build', '--store', store, '--index', 'exact']);
    assert.equal(rebuilt.ref, 'diamond_dataset_v1@1.1.0');
    const listing = json<{ version: string; frozen: boolean }[]>(['dataset', 'list', '--store', store]);
    assert.deepEqual(listing.map((d) => [d.version, d.frozen]), [['1.0.0', true], ['1.1.0', false]]);
  });

  it('the esbuild bundle (dist/arenalab.js) runs the same CLI', () => {
    const bundled = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(bundled.status, 0, bundled.stderr);
    const store = path.join(tmp, 'store');
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'arenalab.js'), 'ingest', sample, '--store', store, '--json'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { appended: number }).appended, 30);
    assert.ok(fs.existsSync(path.join(root, 'dist', 'grammars', 'manifest.json')) && fs.existsSync(path.join(root, 'dist', 'web-tree-sitter.wasm')));
  });

  it('scores with an ONNX model folder the user supplies (--model), and says clearly when the folder is wrong', () => {
    const model = modelFolder(tinyModel());
    try {
      const store = path.join(tmp, 'store');
      json(['ingest', sample, '--store', store]);
      const scored = json<{ report: { count: number }; spans: { metrics: { uniqueness: number } }[] }>(['quality', '--store', store, '--model', model, '--index', 'exact']);
      assert.equal(scored.report.count, 30);
      // The tiny model knows a handful of words, so most texts embed alike and uniqueness drops below the default's.
      const hashing = json<{ spans: { metrics: { uniqueness: number } }[] }>(['quality', '--store', store, '--index', 'exact']);
      const mean = (r: typeof hashing) => r.spans.reduce((sum, s) => sum + s.metrics.uniqueness, 0) / r.spans.length;
      assert.ok(mean(scored) < mean(hashing), `${mean(scored)} vs ${mean(hashing)}`);
      const missing = cli(['quality', '--store', store, '--model', path.join(tmp, 'no-model')]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /^arenalab: .*no-model/m);
      assert.doesNotMatch(missing.stderr, /unexpected error/);
    } finally {
      fs.rmSync(model, { recursive: true, force: true });
    }
  });

  it('Ctrl-C also stops CPU-bound work (quality scoring) at the next batch, with exit 130', async () => {
    const file = path.join(tmp, 'chat.jsonl');
    fs.writeFileSync(file, [...generateChatLog({ turns: 30_000, seed: 3 })].join('\n') + '\n');
    const store = path.join(tmp, 'store');
    json(['ingest', file, '--store', store]);
    const env = { ...process.env, ARENALAB_PROGRESS: 'lines' };
    const child = spawn(process.execPath, [launcher, 'quality', '--store', store, '--json'], { cwd: root, env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Interrupt once scoring has visibly started (its first progress line), not after a guessed delay.
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/arenalab: quality \d+%/.test(stderr)) resolve();
      });
      child.on('close', () => reject(new Error(`quality ended before scoring progress; stderr: ${stderr}`)));
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130, `exit ${code}; stderr: ${stderr}`);
    assert.match(stderr, /stopping after the current batch/);
    assert.match(stderr, /was cancelled/);
    assert.equal(stdout, '');
  });
});
