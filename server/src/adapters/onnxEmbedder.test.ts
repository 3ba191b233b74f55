import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cosineSimilarity } from '@arenalab/core';
import { DIM, expectedVector, modelFolder, TABLE, tinyModel } from './tinyOnnxModel';
import { OnnxEmbedder } from './onnxEmbedder';
import { OnnxEmbedderError } from './onnxEmbedderError';
import { TokenizerError } from './tokenizerError';

function assertClose(actual: Float32Array, expected: number[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) < 1e-5, `component ${i}: ${x} vs ${expected[i]}`));
}

describe('OnnxEmbedder', function () {
  this.timeout(30_000);
  const folders: string[] = [];
  const folder = (model: Uint8Array, tokenizer?: string) => {
    const dir = modelFolder(model, tokenizer);
    folders.push(dir);
    return dir;
  };
  after(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('computes the masked mean of the token rows, normalised, for texts of different lengths in one batch', async () => {
    const embedder = await OnnxEmbedder.load(folder(tinyModel()));
    assert.equal(embedder.dimension, DIM);
    // "The cats sat" → [CLS] the cat ##s sat [SEP]; "dog" → [CLS] dog [SEP] (padded to 6 in the batch).
    const [long, short] = await embedder.embed(['The cats sat', 'dog']);
    assertClose(long, expectedVector([2, 4, 5, 15, 6, 3]));
    assertClose(short, expectedVector([2, 10, 3]));
    await embedder.release();
  });

  it('places texts sharing words closer than unrelated texts', async () => {
    const embedder = await OnnxEmbedder.load(folder(tinyModel()));
    const [a, b, c] = await embedder.embed(['the cat sat on the mat', 'the cat sat on a mat', 'stock market price crash']);
    assert.ok(cosineSimilarity(a, b) > cosineSimilarity(a, c) + 0.1, `${cosineSimilarity(a, b)} vs ${cosineSimilarity(a, c)}`);
    await embedder.release();
  });

  it('gives the same vectors whatever the batch size, and truncates to maxLength', async () => {
    const texts = ['the cat', 'a dog sat on the mat', 'crash', 'stock market', 'the cats'];
    const one = await OnnxEmbedder.load(folder(tinyModel()), { batchSize: 1 });
    const many = await OnnxEmbedder.load(folder(tinyModel()), { batchSize: 3 });
    const [x, y] = [await one.embed(texts), await many.embed(texts)];
    x.forEach((v, i) => assertClose(v, [...y[i]]));
    const short = await OnnxEmbedder.load(folder(tinyModel()), { maxLength: 4 });
    assertClose((await short.embed(['the cat sat on the mat']))[0], expectedVector([2, 4, 5, 3]));
    assert.notEqual(short.id, one.id, 'maxLength is part of the id');
  });

  it('accepts an already pooled [batch, dim] output and feeds token_type_ids when declared', async () => {
    const pooled = await OnnxEmbedder.load(folder(tinyModel({ pooled: true })));
    assertClose((await pooled.embed(['the cats sat']))[0], expectedVector([2, 4, 5, 15, 6, 3]));
    const typed = await OnnxEmbedder.load(folder(tinyModel({ withTypes: true })));
    const [vector] = await typed.embed(['dog']);
    // Type ids are all 0, so each token row gains typeTable row 0: [0, 0.1, …, 0.7].
    const rows = [2, 10, 3].map((id) => Array.from({ length: DIM }, (_, d) => TABLE[id * DIM + d] + d / 10));
    const mean = Array.from({ length: DIM }, (_, d) => (rows[0][d] + rows[1][d] + rows[2][d]) / 3);
    assertClose(vector, mean.map((x) => x / Math.hypot(...mean)));
  });

  it('has an id that changes with the model file', async () => {
    const a = await OnnxEmbedder.load(folder(tinyModel()));
    const b = await OnnxEmbedder.load(folder(tinyModel({ pooled: true })));
    assert.match(a.id, /^onnx:[0-9a-f]{16}:[0-9a-f]{16}:L256$/);
    assert.notEqual(a.id, b.id);
  });

  it('reports precisely what is wrong with a model folder', async () => {
    const isCode = (code: string) => (e: unknown) => e instanceof OnnxEmbedderError && e.code === code;
    await assert.rejects(OnnxEmbedder.load(path.join(os.tmpdir(), 'no-such-arenalab-model')), isCode('MISSING_FILE'));
    const noModel = folder(tinyModel());
    fs.rmSync(path.join(noModel, 'model.onnx'));
    await assert.rejects(OnnxEmbedder.load(noModel), (e: unknown) => isCode('MISSING_FILE')(e) && /model\.onnx: missing/.test((e as Error).message));
    await assert.rejects(OnnxEmbedder.load(folder(tinyModel(), '{"model": ')), (e: unknown) => isCode('BAD_JSON')(e) && /tokenizer\.json: not valid JSON/.test((e as Error).message));
    await assert.rejects(OnnxEmbedder.load(folder(tinyModel(), JSON.stringify({ model: { type: 'Unigram', vocab: [] } }))), TokenizerError);
    await assert.rejects(OnnxEmbedder.load(folder(new Uint8Array([1, 2, 3]))), isCode('MODEL_LOAD_FAILED'));
    await assert.rejects(OnnxEmbedder.load(folder(tinyModel({ idsName: 'tokens' }))), (e: unknown) => isCode('MISSING_INPUT')(e) && /no input_ids input \(inputs: tokens, attention_mask\)/.test((e as Error).message));
    await assert.rejects(OnnxEmbedder.load(folder(tinyModel()), { maxLength: 1 }), isCode('BAD_CONFIG'));
  });
});
