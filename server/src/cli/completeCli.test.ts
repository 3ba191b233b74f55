import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { leakedSecrets, PLANTED_PLACES, writePlantedSecretsWorkspace } from '../answering/plantedSecretsTestSupport';
import { splitAt } from './completeAt';
import type { BenchCompletionResult } from '../bench/benchCompletion';

// `arenalab complete` and `arenalab bench completion` as a user runs them: a child process on the built launcher.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Three library files that all continue `validate(body);` the same way, a file to complete in, and an ignored copy. */
function tinyRepo(dir: string): void {
  const handler = (name: string) => `export function handle_${name}(request) {\n  const body = parse(request.body);\n  validate(body);\n  return respond(body);\n}\n`;
  const files: Record<string, string> = {
    '.gitignore': 'ignored/\n',
    'lib/alpha.ts': handler('alpha'),
    'lib/beta.ts': handler('beta'),
    'lib/gamma.ts': handler('gamma'),
    'src/delta.ts': `import { parse } from "./parse";\n\n${handler('delta')}`,
    'ignored/copy.ts': handler('ignored'),
    'node_modules/dep/copy.ts': handler('dependency'),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

describe('arenalab complete and bench completion (real process)', function () {
  this.timeout(120_000);
  let repo: string;
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-complete-'));
    tinyRepo(repo);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('suggests the line the other files agree on, with confidence, method and 1-based provenance', () => {
    const result = cli(['complete', '--repo', repo, '--file', 'src/delta.ts', '--line', '6', '--hold-out', '--json']);
    assert.equal(result.code, 0, result.stderr);
    type Out = { file: string; line: number; col: number; threshold: number; index: { files: number }; candidates: { text: string; confidence: number; method: string; provenance: { file: string; line: number }[] }[] };
    const out = JSON.parse(result.stdout) as Out;
    assert.deepEqual([out.file, out.line, out.col, out.index.files], ['src/delta.ts', 6, 1, 4]);
    const best = out.candidates[0];
    assert.equal(best.text, '  return respond(body);');
    assert.ok(best.confidence >= out.threshold);
    assert.ok(best.method.length > 0);
    assert.ok(best.provenance.length > 0);
    for (const p of best.provenance) {
      assert.match(p.file, /^lib\/(alpha|beta|gamma)\.ts$/, 'ignored and dependency folders are not indexed; the held-out file is not used');
      assert.equal(p.line, 4);
    }
    const human = cli(['complete', '--repo', repo, '--file', path.join(repo, 'src', 'delta.ts'), '--line', '6', '--col', '3']);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^1\. confidence 0\.\d\d, \S+/m);
    assert.match(human.stdout, /│ {3}return respond\(body\);/);
    assert.match(human.stdout, /from lib\/(alpha|beta|gamma)\.ts:4 \(similarity /);
  });

  it('says so when nothing reaches the threshold, and rejects a bad position or file', () => {
    const none = cli(['complete', '--repo', repo, '--file', 'src/delta.ts', '--line', '1']);
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /no suggestion \(best confidence \d\.\d\d below threshold 0\.\d\d\)/);
    const past = cli(['complete', '--repo', repo, '--file', 'src/delta.ts', '--line', '99']);
    assert.equal(past.code, 1);
    assert.match(past.stderr, /line 99 is past the end of the file \(8 lines\)/);
    const wide = cli(['complete', '--repo', repo, '--file', 'src/delta.ts', '--line', '2', '--col', '5']);
    assert.match(wide.stderr, /column 5 is past the end of line 2 \(0 characters\)/);
    const missing = cli(['complete', '--repo', repo, '--file', 'src/nope.ts', '--line', '1']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /src\/nope\.ts: no such file/);
  });

  it('prints the next-line benchmark as one JSON object with every field of the benchmark report', () => {
    const result = cli(['bench', 'completion', '--repo', repo, '--per-file', '3', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as BenchCompletionResult;
    assert.deepEqual(Object.keys(out), ['benchmark', 'repo', 'files', 'cases', 'engine', 'baselines', 'index', 'calibration']);
    assert.deepEqual([out.benchmark, out.repo, out.files], ['next-line', repo, 4]);
    assert.ok(out.cases > 0 && out.cases <= 12);
    assert.deepEqual(Object.keys(out.engine), ['em', 'es', 'coverage', 'shown_em', 'p50_ms', 'p95_ms', 'p99_ms', 'ece', 'raw_ece', 'raw_coverage', 'raw_shown_em']);
    for (const key of ['em', 'es', 'coverage', 'ece', 'raw_ece'] as const) assert.ok(out.engine[key] >= 0 && out.engine[key] <= 1, key);
    assert.deepEqual(Object.keys(out.calibration), ['samples', 'fit_s']);
    assert.deepEqual(Object.keys(out.baselines['jaccard-copy']), ['em', 'es']);
    assert.match(result.stdout, /"copy-only": \{\s*"em": [\d.]+,\s*"es": [\d.]+\s*\}/);
    assert.ok(out.index.windows > 0 && out.index.rss_mb > 0 && out.index.build_s >= 0);
    const limited = JSON.parse(cli(['bench', 'completion', '--repo', repo, '--max-files', '1', '--lang', 'ts', '--json']).stdout);
    assert.deepEqual([limited.files, limited.index.files], [1, 4]);
    const human = cli(['bench', 'completion', '--repo', repo]);
    assert.match(human.stdout, /^engine +\d/m);
    assert.match(human.stdout, /^jaccard-copy +\d/m);
    assert.match(human.stdout, /^copy-only +\d/m);
    const mid = JSON.parse(cli(['bench', 'completion', '--repo', repo, '--mode', 'mid-line', '--json']).stdout) as Record<string, unknown>;
    assert.deepEqual([mid.benchmark, Object.keys(mid)], ['mid-line', ['benchmark', 'repo', 'files', 'cases', 'engine', 'baselines', 'index', 'calibration']]);
    const bad = cli(['bench', 'completion', '--repo', repo, '--mode', 'sideways']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /expected one of next-line, mid-line/);
  });
});

describe('arenalab complete never prints a planted secret (real process)', function () {
  this.timeout(120_000);
  let repo: string;
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  // Two files with the same code around an AWS key id and a password; the third file is completed at the same place.
  for (const [what, upTo] of [['the key id', 2], ['the password', 3]] as const) {
    it(`withholds ${what} where the other files have it, as text and as JSON, and says why`, () => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-complete-secrets-'));
      writePlantedSecretsWorkspace(repo, upTo);
      const json = cli(['complete', '--repo', repo, '--file', 'src/gamma.ts', '--line', String(upTo + 1), '--json']);
      assert.equal(json.code, 0, json.stderr);
      assert.deepEqual(leakedSecrets(json.stdout + json.stderr), [], json.stdout);
      const out = JSON.parse(json.stdout) as { candidates: unknown[]; withheld: { principleIds: string[] }[] };
      assert.deepEqual(out.candidates, []);
      assert.ok(out.withheld.some((w) => w.principleIds.includes('no_secrets')), json.stdout);
      const human = cli(['complete', '--repo', repo, '--file', 'src/gamma.ts', '--line', String(upTo + 1)]);
      assert.equal(human.code, 0, human.stderr);
      assert.deepEqual(leakedSecrets(human.stdout + human.stderr), [], human.stdout);
      assert.match(human.stdout, /withheld by the constitution: no_secrets/);
    });
  }

  it('still suggests the ordinary line the two files agree on at the same place', () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-complete-secrets-'));
    writePlantedSecretsWorkspace(repo, 1);
    const json = cli(['complete', '--repo', repo, '--file', 'src/gamma.ts', '--line', '2', '--json']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as { candidates: { text: string }[] }).candidates[0]?.text, PLANTED_PLACES.plainLine);
  });
});

describe('splitAt', () => {
  it('cuts a text at a 1-based line and column', () => {
    assert.deepEqual(splitAt('ab\ncd\n', 2, 1), { prefix: 'ab\n', suffix: 'cd\n' });
    assert.deepEqual(splitAt('ab\ncd\n', 2, 3), { prefix: 'ab\ncd', suffix: '\n' });
    assert.deepEqual(splitAt('ab\r\ncd', 1, 3), { prefix: 'ab', suffix: '\r\ncd' });
    assert.deepEqual(splitAt('ab\ncd\n', 3, 1), { prefix: 'ab\ncd\n', suffix: '' });
    assert.throws(() => splitAt('ab\n', 3, 1), /line 3 is past the end/);
    assert.throws(() => splitAt('ab\n', 1, 4), /column 4 is past the end of line 1/);
  });
});
