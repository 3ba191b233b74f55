import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The main job as `npm run main` runs it: the built launcher in a child process, on the sample workspace.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');
const sample = path.join(root, 'test-fixtures', 'sample-workspace');

describe('arenalab run shows the product (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-main-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints completions with confidence and provenance, a chat answer with its sources, and the dataset, stage by stage', () => {
    const store = path.join(tmp, 'store');
    const run = spawnSync(process.execPath, [launcher, 'run', sample, '--store', store, '--index', 'exact', '--question', 'How do I narrow a union type in TypeScript?'], {
      cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ARENALAB_PROGRESS: 'off' },
    });
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout;
    for (const stage of ['Ingest', 'Completions', 'Chat', 'Dataset']) assert.match(out, new RegExp(`^== \\d\\. ${stage}.*\\(\\d+\\.\\d\\d s\\) ==$`, 'm'), stage);

    // Each example: a place, a confidence, the suggestion, the real line, and the file:line it came from.
    const examples = [...out.matchAll(/^\d\. (\S+):(\d+) {2}confidence (0\.\d\d|1\.00), .*\n {3}suggested │ (.+)\n {3}real line │ (.+)\n {3}from (.+)$/gm)];
    assert.ok(examples.length >= 3 && examples.length <= 5, `${examples.length} examples:\n${out}`);
    for (const [, file, , confidence, , , from] of examples) {
      assert.ok(Number(confidence) >= 0.5, confidence);
      assert.ok(fs.existsSync(path.join(sample, file)), file);
      const source = /^(\S+):(\d+) \(similarity/.exec(from);
      assert.ok(source, from);
      // Provenance points at a real line of a real file of the workspace.
      const lines = fs.readFileSync(path.join(sample, source[1]), 'utf8').split('\n');
      assert.ok(Number(source[2]) >= 1 && Number(source[2]) <= lines.length, from);
    }
    assert.ok(examples.some((e) => e[4].trim() === e[5].trim()), 'no example matched its real line');

    const chat = /^== 3\. Chat[^\n]*\n([\s\S]*?)\n\n== 4/m.exec(out);
    assert.ok(chat, out);
    assert.match(chat[1], /^answer: [^]*discriminated union/m);
    assert.match(chat[1], /^confidence \d+% /m);
    assert.match(chat[1], /^sources:\n {2}sp_\w+ .*similarity \d\.\d\d {2}"How do I narrow a union type/m);

    assert.match(out, /^dataset diamond_dataset_v1@1\.0\.0: \d+ spans/m);
    assert.ok(fs.existsSync(path.join(store, 'datasets', 'diamond_dataset_v1', '1.0.0', 'manifest.json')));
  });
});
