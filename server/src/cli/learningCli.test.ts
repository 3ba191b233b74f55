import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateSpan } from '@arenalab/core';
import { commitAll, initTestRepo } from '../host/gitTestRepo';

// `arenalab gaps`, `arenalab train` and `arenalab bench selfplay` as a user runs them: the built launcher on a small
// git repository with a folder the creature can learn (one template) and one it cannot (every line unique).
const launcher = path.resolve(__dirname, '../../../bin/arenalab.js');

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const template = (k: number) => [`export function handle${k}(request: Request): Response {`, '  const body = parseBody(request);', '  if (!body.id) return badRequest();', '  const record = store.load(body.id);', '  return ok(record);', '}', ''].join('\n');
const unique = (k: number) => Array.from({ length: 6 }, (_, j) => `const value${k}x${j} = compute${j * 7 + k}(input${k + j});`).join('\n') + '\n';

describe('arenalab gaps, train and bench selfplay (real process)', function () {
  this.timeout(120_000);
  let repo: string;
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-learning-cli-'));
    initTestRepo(repo);
    fs.mkdirSync(path.join(repo, 'handlers'));
    fs.mkdirSync(path.join(repo, 'misc'));
    for (let t = 0; t < 4; t++) {
      for (let k = t * 4; k < t * 4 + 4; k++) {
        fs.writeFileSync(path.join(repo, 'handlers', `h${k}.ts`), template(k));
        fs.writeFileSync(path.join(repo, 'misc', `u${k}.ts`), unique(k));
      }
      commitAll(repo, t);
    }
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('gaps prints the table and the targeted examples; --json the same areas', () => {
    const human = cli(['gaps', '--repo', '.', '--store', path.join(repo, 'no-store'), '--depth', '1', '--top', '3'], repo);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^uncertainty map: \d+ next-line cases of \., 0 logged suggestions/);
    assert.match(human.stdout, /1 {2}typescript misc +declaration/);
    assert.match(human.stdout, /misc\/u\d+\.ts:\d+ {2}conf [\d.]+ {2}expected: const value/);
    const json = JSON.parse(cli(['gaps', '--repo', '.', '--store', path.join(repo, 'no-store'), '--depth', '1', '--top', '3', '--json'], repo).stdout);
    assert.equal(json.areas[0].domain, 'typescript misc');
    assert.equal(json.areas.length, 3);
  });

  it('train prints one row per epoch and why it stopped', () => {
    const result = cli(['train', '--repo', '.', '--depth', '1', '--batch', '2', '--max-epochs', '3', '--patience', '3', '--initial', '0.1'], repo);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^train \. \(curation: weak\): 32 files \(6 validation, never indexed; 26 training, 3 indexed at start\)/);
    assert.match(result.stdout, /\n {4}0 +3 +0 +0\/0 /);
    assert.match(result.stdout, /stopped: (max_epochs|exhausted|target|plateau); best epoch \d/);
  });

  it('bench selfplay prints win rates and before/after, and writes the learning spans', () => {
    const out = path.join(repo, 'lessons.jsonl');
    const result = cli(['bench', 'selfplay', '--repo', '.', '--start', '0.3', '--held-out', '0.4', '--spans-out', out], repo);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /play: \d+ cases from \d+ commits; wins A \d+, B \d+, ties \d+/);
    assert.match(result.stdout, /control \(no play, no lessons\)/);
    const lines = fs.readFileSync(out, 'utf8').split('\n').filter((l) => l !== '');
    const lessons = Number(/lessons \(winner right, loser wrong\): (\d+)/.exec(result.stdout)?.[1]);
    assert.equal(lines.length, lessons);
    for (const line of lines) assert.ok(validateSpan(JSON.parse(line)).ok, line);
  });
});
