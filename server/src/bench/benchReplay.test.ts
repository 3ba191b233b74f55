import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { silentProgress } from '@arenalab/core';
import { formatReplayBench } from '../cli/formatReplayBench';
import { benchReplay, ReplayHistoryError } from './benchReplay';
import { commitAll, initTestRepo } from '../host/gitTestRepo';

const never = { isCancelled: false };
const progress = { phase: () => silentProgress };

const BODY = ['  const options = defaultOptions();', '  for (const arg of argv) applyArgument(options, arg);', '  return validateOptions(options);', '}'];

describe('benchReplay', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-replay-'));
    initTestRepo(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replays a real git history: the learning creature predicts code committed earlier, the static one does not', async () => {
    const write = (file: string, lines: string[]) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), lines.join('\n') + '\n');
    };
    write('src/main.ts', ['import { run } from "./run";', 'run(process.argv);']);
    write('node_modules/dep/index.js', ['module.exports = 1;']);
    commitAll(dir, 0);
    write('src/cli.ts', ['export function parseCli(argv: string[]): Options {', ...BODY]);
    commitAll(dir, 1);
    write('src/tool.ts', ['export function parseTool(argv: string[]): Options {', ...BODY]);
    fs.rmSync(path.join(dir, 'src/main.ts'));
    commitAll(dir, 2);
    write('src/admin.ts', ['export function parseAdmin(argv: string[]): Options {', ...BODY]);
    commitAll(dir, 3);

    const result = await benchReplay({ repo: dir, start: 0.25, slices: 3, perCommit: 10, seed: 1 }, never, progress);
    assert.equal(result.commits, 4);
    assert.deepEqual([result.start.commits, result.start.files, result.replayed_commits], [1, 1, 3]);
    assert.equal(result.cases, 12);
    assert.equal(result.overall.static.em, 0);
    assert.ok(result.overall.learning.em >= 0.5 && result.delta.em === result.overall.learning.em, JSON.stringify(result.overall));
    assert.equal(result.learned.files, 3);
    assert.deepEqual(result.slices.map((s) => s.first_date.slice(0, 13)), ['2024-01-01T01', '2024-01-01T02', '2024-01-01T03']);
  });

  it('refuses a history of one commit with a typed error', async () => {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'export const a = 1;\n');
    commitAll(dir, 0);
    await assert.rejects(benchReplay({ repo: dir, start: 0.3, slices: 2, perCommit: 5, seed: 1 }, never, progress), ReplayHistoryError);
  });
});

describe('formatReplayBench', () => {
  it('prints the curve per slice for every creature and the learning − static delta', () => {
    const scores = { static: { em: 0.1, es: 0.3 }, learning: { em: 0.25, es: 0.45 }, learning_code_only: { em: 0.2, es: 0.4 } };
    const overall = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { ...v, cases: 4, coverage: 0.5, shown_em: null }]));
    const text = formatReplayBench({
      benchmark: 'replay', repo: 'r', commits: 3, start: { commits: 1, sha: 'abc', date: '2024-01-01', files: 2 }, replayed_commits: 2, cases: 4,
      slices: [{ slice: 1, commits: 2, first_date: '2024-01-02', last_date: '2024-01-03', cases: 4, creatures: scores }],
      overall, delta: { em: 0.15, es: 0.15 }, learned: { files: 3, weighted_sources: 5 }, seconds: 1,
    });
    assert.match(text, /^\s+1\s+2\s+2024-01-03\s+4\s+10\.0%\s+30\.0%\s+25\.0%\s+45\.0%\s+20\.0%\s+40\.0%$/m);
    assert.match(text, /learning − static: EM \+15\.0 pt, ES \+15\.0 pt/);
  });
});
