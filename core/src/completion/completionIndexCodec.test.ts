import { strict as assert } from 'node:assert';
import { seededRandom } from '../ports/random';
import { IndexFormatError } from '../index/indexFormatError';
import { CompletionEngine } from './completionEngine';
import { ContinuationIndex } from './continuationIndex';
import { COMPLETION_INDEX_FORMAT_VERSION, decodeCompletionIndex, encodeCompletionIndex } from './completionIndexCodec';
import type { CompletionRequest } from './completionTypes';

const NAMES = ['user', 'order', 'item', 'total', 'cart', 'price', 'count', 'result'];

/** A deterministic corpus of repetitive code: enough lines to flush and merge posting runs several times. */
function corpus(files: number, seed: number): { path: string; text: string }[] {
  const random = seededRandom(seed);
  const pick = () => NAMES[Math.floor(random.next() * NAMES.length)];
  return Array.from({ length: files }, (_, f) => {
    const lines: string[] = [];
    for (let block = 0; block < 40; block++) {
      const a = pick();
      const b = pick();
      lines.push(`export function load${a}(${b}: number): number {`, `  const ${a} = fetch${b}(${b});`, `  if (!${a}) return 0;`, `  return ${a}.value + ${b};`, '}', '');
    }
    return { path: `src/file${f}.ts`, text: lines.join('\n') };
  });
}

function requests(files: { path: string; text: string }[]): CompletionRequest[] {
  return files.slice(0, 6).map((f, i) => {
    const lines = f.text.split('\n');
    const cut = 7 + i * 6;
    return { file: `query${i}.ts`, language: 'typescript', prefix: lines.slice(0, cut).map((l) => l + '\n').join(''), suffix: '' };
  });
}

function roundTrip(index: ContinuationIndex): ContinuationIndex {
  const bytes = encodeCompletionIndex({ snapshot: index.snapshot(), stamps: new Float64Array(2 * index.snapshot().files.length), meta: { test: true } });
  return ContinuationIndex.restore(decodeCompletionIndex(bytes).snapshot);
}

function engineOn(index: ContinuationIndex): CompletionEngine {
  const engine = new CompletionEngine();
  engine.replaceIndex(index);
  return engine;
}

function answers(engine: CompletionEngine, reqs: CompletionRequest[]): unknown[] {
  return reqs.map((r) => engine.complete(r, { showThreshold: 0 }));
}

const isFormat = (code: string) => (error: unknown) => error instanceof IndexFormatError && error.code === code;

describe('completion index codec', () => {
  const files = corpus(24, 7);
  const reqs = requests(files);

  it('a saved and loaded index answers exactly as the index it was saved from', () => {
    const fresh = new ContinuationIndex({ indentTokens: false, tokenPostings: true });
    for (const f of files) fresh.addFile(f.path, 'typescript', f.text);
    const loaded = roundTrip(fresh);
    assert.equal(loaded.windowCount, fresh.windowCount);
    assert.equal(loaded.fileCount, fresh.fileCount);
    assert.deepEqual(answers(engineOn(loaded), reqs), answers(engineOn(fresh), reqs));
    assert.ok(answers(engineOn(loaded), reqs).some((r) => (r as { candidates: unknown[] }).candidates.length > 0));
  });

  it('keeps removals and changes across a save, and a loaded index takes further changes', () => {
    const changed = `${files[2].text}\n// changed`;
    const saved = new ContinuationIndex({ indentTokens: false, tokenPostings: true });
    for (const f of files) saved.addFile(f.path, 'typescript', f.text);
    saved.removeFile(files[1].path);
    saved.addFile(files[2].path, 'typescript', changed);
    const loaded = roundTrip(saved);
    // The same live files in the same order, never holding the removed ones: what the loaded index must equal.
    const fresh = new ContinuationIndex({ indentTokens: false, tokenPostings: true });
    for (const f of files) if (f !== files[1] && f !== files[2]) fresh.addFile(f.path, 'typescript', f.text);
    fresh.addFile(files[2].path, 'typescript', changed);
    assert.equal(loaded.has(files[1].path), false);
    assert.deepEqual(answers(engineOn(loaded), reqs), answers(engineOn(fresh), reqs));
    for (const index of [fresh, loaded]) {
      index.addFile(files[1].path, 'typescript', files[1].text);
      index.removeFile(files[3].path);
      index.addFile('src/new.ts', 'typescript', files[4].text);
    }
    assert.equal(loaded.windowCount, fresh.windowCount);
    assert.deepEqual([loaded.has(files[1].path), loaded.has(files[3].path), loaded.has('src/new.ts')], [true, false, true]);
    const best = (index: ContinuationIndex) => answers(engineOn(index), reqs).map((r) => (r as { candidates: { text: string }[] }).candidates[0]?.text);
    assert.deepEqual(best(loaded), best(fresh));
  });

  it('refuses truncated, bit-flipped, foreign and other-version bytes with a typed reason', () => {
    const index = new ContinuationIndex({ indentTokens: false, tokenPostings: true });
    for (const f of files.slice(0, 4)) index.addFile(f.path, 'typescript', f.text);
    const bytes = encodeCompletionIndex({ snapshot: index.snapshot(), stamps: new Float64Array(8), meta: null });
    assert.throws(() => decodeCompletionIndex(bytes.subarray(0, bytes.length - 8)), isFormat('INDEX_TRUNCATED'));
    assert.throws(() => decodeCompletionIndex(bytes.subarray(0, 10)), isFormat('INDEX_TRUNCATED'));
    const flipped = bytes.slice();
    flipped[Math.floor(flipped.length / 2)] ^= 0x10;
    assert.throws(() => decodeCompletionIndex(flipped), isFormat('INDEX_CHECKSUM'));
    const foreign = bytes.slice();
    foreign[0] ^= 1;
    assert.throws(() => decodeCompletionIndex(foreign), isFormat('INDEX_BAD_MAGIC'));
    const older = bytes.slice();
    new DataView(older.buffer).setUint32(8, COMPLETION_INDEX_FORMAT_VERSION + 1, true);
    assert.throws(() => decodeCompletionIndex(older), isFormat('INDEX_VERSION'));
  });

  it('reads bytes at any offset (a pooled Buffer) by copying them once', () => {
    const index = new ContinuationIndex({ indentTokens: false, tokenPostings: true });
    index.addFile(files[0].path, 'typescript', files[0].text);
    const bytes = encodeCompletionIndex({ snapshot: index.snapshot(), stamps: new Float64Array([10, 20]), meta: { roots: ['a'] } });
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const saved = decodeCompletionIndex(shifted.subarray(3));
    assert.deepEqual([...saved.stamps], [10, 20]);
    assert.deepEqual(saved.meta, { roots: ['a'] });
    assert.equal(ContinuationIndex.restore(saved.snapshot).windowCount, index.windowCount);
  });
});
