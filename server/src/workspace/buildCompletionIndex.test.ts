import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, CompletionEngine, ContinuationIndex, decodeCompletionIndex, neverCancelled, silentProgress } from '@arenalab/core';
import { buildCompletionIndex, saveBuiltIndex } from './buildCompletionIndex';
import type { IndexBuildJob, IndexBuildResult } from './buildCompletionIndex';
import { indexInWorker } from './indexInWorker';
import { readSavedIndex, SAVED_INDEX_FILE } from './savedIndexFile';

const handler = (name: string) => [`export function ${name}(request: Request): Response {`, '  const user = authenticate(request);', `  if (!user) return deny_${name}();`, '  return respond(user, request.body);', '}', ''].join('\n');

/** Builds (through the worker when asked) and saves, as the language server does. */
async function build(job: IndexBuildJob, worker = false): Promise<IndexBuildResult> {
  if (worker) {
    let onSaved = () => {};
    const saved = new Promise<void>((resolve) => (onSaved = resolve));
    const result = await indexInWorker(job, neverCancelled, silentProgress, { onSaved });
    if (result.changed) await saved;
    return result;
  }
  const result = await buildCompletionIndex(job, neverCancelled, silentProgress);
  saveBuiltIndex(job, result.bytes, result.changed);
  return result;
}

/** The first suggestion for the line after a handler's first two lines, from a built index. */
function suggest(result: IndexBuildResult): string | undefined {
  const engine = new CompletionEngine();
  engine.replaceIndex(ContinuationIndex.restore(decodeCompletionIndex(result.bytes).snapshot));
  const prefix = ['export function probe(request: Request): Response {', '  const user = authenticate(request);', ''].join('\n');
  return engine.complete({ file: 'query.ts', language: 'typescript', prefix, suffix: '' }, { showThreshold: 0 }).candidates[0]?.text.trim();
}

describe('buildCompletionIndex: the saved completion index, validated against the files on disk', () => {
  let root: string;
  let store: string;
  let job: IndexBuildJob;
  const file = (name: string) => path.join(root, name);
  /** Rewrites a file with a modification time of its own (half a minute ago, settled), as an edit would. */
  const edit = (name: string, text: string) => {
    fs.writeFileSync(file(name), text);
    const then = new Date(Date.now() - 30_000);
    fs.utimesSync(file(name), then, then);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-saved-index-'));
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-saved-store-'));
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(file(`${name}.ts`), handler(name));
    // Old enough that their stamps are trusted (a just-written file is checked by content next time).
    const old = new Date(Date.now() - 60_000);
    for (const name of ['a', 'b', 'c']) fs.utimesSync(file(`${name}.ts`), old, old);
    job = { indexOptions: new CompletionEngine().indexOptions, roots: [{ root, prefix: '', excludes: [] }], savedIndexFile: path.join(store, SAVED_INDEX_FILE) };
  });

  afterEach(() => {
    for (const dir of [root, store]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes from scratch without a saved index, then loads the saved one unread and answers the same', async () => {
    const cold = await build(job);
    assert.deepEqual([cold.report.source, cold.report.why, cold.report.added], ['built', 'no saved index', 3]);
    const warm = await build(job);
    assert.deepEqual([warm.report.source, warm.report.kept, warm.changed], ['saved', 3, false]);
    assert.equal(Buffer.compare(warm.bytes, cold.bytes), 0, "the saved bytes are handed on as they are");
    assert.equal(suggest(warm), suggest(cold));
    assert.match(suggest(warm) ?? '', /if \(!user\) return deny_[abc]\(\);/);
  });

  it('saves the token postings composing reads, and rebuilds a saved index made with other engine settings', async () => {
    const cold = await build(job);
    const { snapshot } = decodeCompletionIndex(cold.bytes);
    assert.equal(snapshot.options.tokenPostings, true);
    assert.ok(snapshot.tokenPostings.length > 0 && snapshot.tokenPostings.every((keys) => keys.length > 0), 'a run of keys per token level');
    // The rest of a typed line, as the restored index and one built from the same files compose it.
    const fresh = new CompletionEngine();
    for (const name of ['a', 'b', 'c']) fresh.addFile(`${name}.ts`, 'typescript', handler(name));
    const restored = new CompletionEngine();
    restored.replaceIndex(ContinuationIndex.restore(snapshot));
    const request = { file: 'query.ts', language: 'typescript', prefix: 'export function probe(request: Request): Response {\n  const user = auth', suffix: '' };
    const answer = (engine: CompletionEngine) => engine.complete(request, { showThreshold: 0 }).candidates.map((c) => [c.text, c.method]);
    assert.ok(answer(fresh).length > 0);
    assert.deepEqual(answer(restored), answer(fresh));
    const other = await build({ ...job, indexOptions: { indentTokens: false, tokenPostings: false } });
    assert.equal(other.report.source, 'built');
    assert.match(other.report.why ?? '', /other engine settings/);
  });

  it('re-indexes a changed file, drops a removed one, adds a new one, and saves the result', async () => {
    await build(job);
    edit('a.ts', handler('a').replace('deny_a', 'reject_a'));
    fs.rmSync(file('b.ts'));
    fs.writeFileSync(file('d.ts'), handler('d'));
    const warm = await build(job);
    assert.deepEqual([warm.report.source, warm.report.kept, warm.report.reindexed, warm.report.removed, warm.report.added], ['saved', 1, 1, 1, 1]);
    assert.deepEqual([...warm.keys].sort(), ['a.ts', 'c.ts', 'd.ts']);
    const index = ContinuationIndex.restore(decodeCompletionIndex(warm.bytes).snapshot);
    assert.equal(index.has('b.ts'), false);
    assert.ok(index.linesOf('a.ts')?.some((l) => l.includes('reject_a')));
    // What was saved is what the next start loads: nothing left to do.
    const again = await build(job);
    assert.deepEqual([again.report.source, again.report.kept, again.changed], ['saved', 3, false]);
  });

  it('keeps a file touched without a change (same text, new time) and records its new time', async () => {
    await build(job);
    edit('c.ts', handler('c'));
    const warm = await build(job);
    assert.deepEqual([warm.report.kept, warm.report.reindexed, warm.changed], [3, 0, true]);
    assert.equal((await build(job)).changed, false);
  });

  for (const [damage, spoil, why] of [
    ['a flipped byte', (b: Buffer) => { b[b.length - 100] ^= 0x40; }, /checksum/],
    ['a truncated file', undefined, /header says/],
    ['another format version', (b: Buffer) => b.writeUInt32LE(999, 8), /format version 999/],
    ['garbage', (b: Buffer) => b.fill(7), /not a saved ArenaLab completion index/],
  ] as const) {
    it(`rebuilds from scratch, saying why, when the saved index has ${damage}`, async () => {
      const cold = await build(job);
      const saved = job.savedIndexFile as string;
      const bytes = fs.readFileSync(saved);
      if (spoil === undefined) fs.writeFileSync(saved, bytes.subarray(0, bytes.length - 64));
      else {
        spoil(bytes);
        fs.writeFileSync(saved, bytes);
      }
      const rebuilt = await build(job);
      assert.equal(rebuilt.report.source, 'built');
      assert.match(rebuilt.report.why ?? '', why);
      assert.equal(suggest(rebuilt), suggest(cold));
      assert.ok(!('problem' in readSavedIndex(saved)), 'the rebuilt index is saved again');
    });
  }

  it('builds on a worker thread and hands the index over, saving it after', async () => {
    const cold = await build(job, true);
    assert.equal(cold.report.source, 'built');
    const warm = await build(job, true);
    assert.equal(warm.report.source, 'saved');
    assert.equal(suggest(warm), suggest(cold));
  });

  it('stops when cancelled: a blocked worker is terminated, a build on this thread stops between batches', async () => {
    const token = { isCancelled: false };
    // The gate never opens: only terminating the thread ends this build.
    const blocked = indexInWorker({ ...job, gate: path.join(store, 'never') }, token, silentProgress);
    token.isCancelled = true;
    await assert.rejects(blocked, (error: unknown) => error instanceof CancelledError);
    await assert.rejects(buildCompletionIndex(job, { isCancelled: true }, silentProgress), (error: unknown) => error instanceof CancelledError);
    assert.equal(fs.existsSync(job.savedIndexFile as string), false);
  });

  it('replaces the saved file atomically (blocking and in the background): a reader never sees part of one', async () => {
    // Big enough that a write takes many reads' time; a write in place would be caught half done.
    for (let i = 0; i < 300; i++) fs.writeFileSync(file(`big${i}.ts`), Array.from({ length: 40 }, (_, j) => handler(`f${i}_${j}`)).join('\n'));
    const { bytes } = await buildCompletionIndex(job, neverCancelled, silentProgress);
    const saved = job.savedIndexFile as string;
    saveBuiltIndex(job, bytes, true);
    const writer = new Worker(
      `const { saveBuiltIndex, saveBuiltIndexInBackground } = require(${JSON.stringify(require.resolve('./buildCompletionIndex'))});
       const { workerData } = require('node:worker_threads');
       (async () => {
         for (let i = 0; i < 3; i++) saveBuiltIndex(workerData.job, workerData.bytes, true);
         for (let i = 0; i < 3; i++) await saveBuiltIndexInBackground(workerData.job, workerData.bytes, true);
       })();`,
      { eval: true, workerData: { job, bytes } },
    );
    const done = new Promise<void>((resolve, reject) => writer.on('exit', () => resolve()).on('error', reject));
    let finished = false;
    void done.then(() => (finished = true));
    let reads = 0;
    while (!finished) {
      const read = readSavedIndex(saved);
      assert.ok(!('problem' in read), 'problem' in read ? read.problem : '');
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(reads > 0);
    assert.deepEqual(fs.readdirSync(store), [SAVED_INDEX_FILE], 'no temp file is left behind');
  });
});
