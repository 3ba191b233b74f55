import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeInsertWorkspace } from '../lsp/testing/insertWorkspace';
import type { BenchLspResult } from './benchLsp';

// `arenalab bench lsp` as a real process driving a real server process: structure and counts, never timings.
const repoRoot = path.resolve(__dirname, '../../..');
const cli = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), ...args], { encoding: 'utf8' });

describe('arenalab bench lsp', function () {
  this.timeout(120_000);
  let repo: string;
  beforeEach(() => (repo = writeInsertWorkspace('arenalab-bench-lsp-')));
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('times inline completions through the server over stdio and reports counts, percentiles and the server RSS', () => {
    const run = cli(['bench', 'lsp', '--repo', repo, '--requests', '5', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const r = JSON.parse(run.stdout) as BenchLspResult;
    assert.equal(r.benchmark, 'lsp');
    assert.deepEqual([r.files, r.requests, r.answered + r.empty], [3, 5, 5]);
    assert.ok(r.answered >= 1, 'the repeated insert body should be predicted at least once');
    assert.ok(r.windows > 0 && r.index_s >= 0);
    assert.ok(r.p50_ms >= 0 && r.p50_ms <= r.p95_ms && r.p95_ms <= r.p99_ms && r.p99_ms <= r.max_ms, JSON.stringify(r));
    assert.match(r.server, /arenalab\.js lsp --stdio$/);
    // The second start loads what the first saved.
    assert.deepEqual([r.cold_start.index_source, r.warm_start.index_source], ['built', 'saved']);
    for (const start of [r.cold_start, r.warm_start]) {
      assert.ok(start.ready_s > 0 && start.during_indexing.p99_ms <= start.during_indexing.max_ms, JSON.stringify(start));
      assert.ok(start.first_response_s > 0, JSON.stringify(start));
    }
    if (process.platform === 'linux') assert.ok(r.server_rss_mb_peak !== null && r.server_rss_mb_peak > 0 && r.server_rss_mb !== null);
    assert.equal(fs.existsSync(path.join(repo, '.arenalab')), false, 'outcomes went into the benchmarked repository');
  });

  it('prints a human summary, and a clear error for a repository without source lines', () => {
    const human = cli(['bench', 'lsp', '--repo', repo, '--requests', '2']);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /^LSP benchmark: 2 textDocument\/inlineCompletion requests over stdio on .* \(3 files, \d+ windows indexed in [\d.]+ s\)\np50 ms +p95 ms/);
    assert.match(human.stdout, /\ncold +built +.*\nwarm +saved +/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-bench-lsp-empty-'));
    try {
      const failed = cli(['bench', 'lsp', '--repo', empty]);
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /^arenalab: .*: no source lines to complete \(0 source files\)\n$/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
