import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sampleSpan } from '../store/sampleSpan';

// Damage and a full disk through the real CLI: a child process on the built launcher, real files, a real tmpfs.
const root = path.resolve(__dirname, '../../..');
const launcher = path.join(root, 'bin', 'arenalab.js');

function cli(args: string[], prefix: string[] = []): { code: number | null; stdout: string; stderr: string } {
  const [command, ...rest] = [...prefix, process.execPath, launcher, ...args];
  const result = spawnSync(command, rest, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeSpans(file: string, prefix: string, count: number): void {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify(sampleSpan(`${prefix}-${i}`)));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const logLines = (store: string): string[] => fs.readFileSync(path.join(store, 'spans.log'), 'utf8').split('\n').slice(0, -1);

/** Changes one character in the middle of the line, inside the span, keeping the newline. */
function flipOneCharacter(line: string): string {
  const at = Math.floor(line.length / 2);
  return `${line.slice(0, at)}${line[at] === 'a' ? 'b' : 'a'}${line.slice(at + 1)}`;
}

describe('arenalab CLI: damaged records and a full disk (real process)', function () {
  this.timeout(180_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-damage-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps all 300 records when the last 20 are damaged: ingest and verify report them, verify --repair quarantines them', () => {
    const store = path.join(tmp, 'store');
    writeSpans(path.join(tmp, 'first.jsonl'), 'first', 300);
    writeSpans(path.join(tmp, 'more.jsonl'), 'more', 5);
    assert.equal(cli(['ingest', path.join(tmp, 'first.jsonl'), '--store', store]).code, 0);
    const lines = logLines(store);
    assert.equal(lines.length, 300);
    for (let i = 280; i < 300; i += 1) lines[i] = flipOneCharacter(lines[i]);
    fs.writeFileSync(path.join(store, 'spans.log'), lines.map((line) => `${line}\n`).join(''));
    const damaged = fs.readFileSync(path.join(store, 'spans.log'));

    const ingest = cli(['ingest', path.join(tmp, 'more.jsonl'), '--store', store]);
    assert.equal(ingest.code, 1, ingest.stdout);
    assert.match(ingest.stderr, /damaged at record 280 .*checksum.*20 complete records are damaged \(at records 280, 281, .*299\).*Nothing was cut/);
    assert.equal(logLines(store).length, 300, 'no record was cut');
    assert.deepEqual(fs.readFileSync(path.join(store, 'spans.log')), damaged, 'the log was left exactly as it was');

    const verify = cli(['verify', '--store', store, '--json']);
    assert.equal(verify.code, 1);
    const report = JSON.parse(verify.stdout) as { ok: boolean; records: number; damaged: { count: number; listed: { position: number }[] } };
    assert.deepEqual([report.ok, report.records, report.damaged.count], [false, 280, 20]);
    assert.deepEqual(report.damaged.listed.map((r) => r.position), Array.from({ length: 20 }, (_, i) => 280 + i));

    const repaired = cli(['verify', '--repair', '--store', store, '--json']);
    assert.equal(repaired.code, 0, repaired.stdout + repaired.stderr);
    const after = JSON.parse(repaired.stdout) as { ok: boolean; records: number; repair: { quarantined: number; quarantineFile: string } };
    assert.deepEqual([after.ok, after.records, after.repair.quarantined], [true, 280, 20]);
    const quarantine = fs.readFileSync(after.repair.quarantineFile, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as { line?: number; base64?: string });
    assert.deepEqual(quarantine.slice(0, 20).map((q) => q.line), Array.from({ length: 20 }, (_, i) => 281 + i));
    assert.deepEqual(quarantine.slice(0, 20).map((q) => Buffer.from(q.base64 ?? '', 'base64').toString('utf8')), lines.slice(280), 'the damaged bytes are kept');

    assert.equal(cli(['ingest', path.join(tmp, 'more.jsonl'), '--store', store]).code, 0);
    const final = JSON.parse(cli(['verify', '--store', store, '--json']).stdout) as { ok: boolean; records: number };
    assert.deepEqual([final.ok, final.records], [true, 285]);
  });

  it('says exactly how many spans a run stored when the disk fills up', () => {
    const store = path.join(tmp, 'small-disk');
    fs.mkdirSync(store);
    const limit = fullDisk(store);
    try {
      writeSpans(path.join(tmp, 'many.jsonl'), 'many', 600);
      const ingest = cli(['ingest', path.join(tmp, 'many.jsonl'), '--store', store, '--batch-size', '10'], limit.prefix);
      assert.equal(ingest.code, 1, ingest.stdout + ingest.stderr);
      const stored = /^(\d+) spans of this run are durably stored; the 10 spans being appended when it failed/m.exec(ingest.stdout);
      assert.ok(stored, ingest.stdout);
      assert.match(ingest.stdout, /^stopped: .*(ENOSPC|EFBIG|too large|no space).*none of these 10 spans was stored/im);
      const verify = JSON.parse(cli(['verify', '--store', store, '--json']).stdout) as { ok: boolean; records: number };
      assert.equal(verify.ok, true);
      assert.ok(verify.records > 0 && verify.records < 600, `${verify.records} records: the disk was not filled mid-run`);
      assert.equal(Number(stored[1]), verify.records, 'the report counts exactly what is in the store');
    } finally {
      limit.release();
    }
  });
});

/**
 * A disk of 64 KiB: a tmpfs mounted on `dir` (as root). Where mounting is not allowed, the same failure comes from a
 * file size limit on the CLI process (`ulimit -f`, in 512-byte blocks), which makes the log's writes fail with EFBIG.
 */
function fullDisk(dir: string): { prefix: string[]; release(): void } {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status === 0) return { prefix: [], release: () => void spawnSync('umount', [dir]) };
  process.stderr.write(`      (cannot mount a tmpfs: ${mounted.stderr.trim()}; limiting the file size instead)\n`);
  return { prefix: ['sh', '-c', 'ulimit -f 128 && exec "$@"', 'sh'], release: () => undefined };
}
