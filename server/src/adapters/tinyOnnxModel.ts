import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '@arenalab/core';
import { onnx } from 'onnx-proto';

// Test support: a tiny ONNX "text encoder" and a matching WordPiece tokenizer, written by the tests themselves,
// since no pretrained model may be downloaded here. Used by the adapter tests and the CLI's --model test.

export const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'the', 'cat', 'sat', 'on', 'a', 'mat', 'dog', 'stock', 'market', 'crash', 'price', '##s'];
export const DIM = 8;
const random = seededRandom(11);
/** The embedding table of the tiny model: one row of DIM floats per vocabulary entry. */
export const TABLE = Array.from({ length: VOCAB.length * DIM }, () => Math.fround(random.next() * 2 - 1));

export interface TinyModelOptions {
  /** Emit [batch, DIM] (summed over real tokens) instead of [batch, seq, DIM]. */
  pooled?: boolean;
  /** Declare a token_type_ids input and add a type embedding to every token. */
  withTypes?: boolean;
  /** Name of the token id input. */
  idsName?: string;
}

export function int64Tensor(name: string, values: number[]): onnx.ITensorProto {
  return { name, dataType: onnx.TensorProto.DataType.INT64, dims: [values.length], int64Data: values };
}

export function tensorInput(name: string): onnx.IValueInfoProto {
  const dim = [{ dimParam: 'batch' }, { dimParam: 'seq' }];
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim } } } };
}

/**
 * A tiny "text encoder": Gather rows of TABLE by token id, multiply by the attention mask, and
 * output token states [batch, seq, DIM] (or their sum over seq when pooled).
 */
export function tinyModel(options: TinyModelOptions = {}): Uint8Array {
  const idsName = options.idsName ?? 'input_ids';
  const nodes: onnx.INodeProto[] = [
    { opType: 'Gather', input: ['table', idsName], output: ['rows'] },
    { opType: 'Cast', input: ['attention_mask'], output: ['maskF'], attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }] },
    { opType: 'Unsqueeze', input: ['maskF', 'lastAxis'], output: ['mask3'] },
  ];
  let states = 'rows';
  if (options.withTypes) {
    nodes.push({ opType: 'Gather', input: ['typeTable', 'token_type_ids'], output: ['typeRows'] });
    nodes.push({ opType: 'Add', input: ['rows', 'typeRows'], output: ['withTypes'] });
    states = 'withTypes';
  }
  const out = options.pooled ? 'masked' : 'last_hidden_state';
  nodes.push({ opType: 'Mul', input: [states, 'mask3'], output: [out] });
  if (options.pooled) nodes.push({ opType: 'ReduceSum', input: ['masked', 'seqAxis'], output: ['pooled'], attribute: [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] });
  const inputs = [tensorInput(idsName), tensorInput('attention_mask'), ...(options.withTypes ? [tensorInput('token_type_ids')] : [])];
  const graph: onnx.IGraphProto = {
    name: 'tiny',
    node: nodes,
    initializer: [
      { name: 'table', dataType: onnx.TensorProto.DataType.FLOAT, dims: [VOCAB.length, DIM], floatData: TABLE },
      { name: 'typeTable', dataType: onnx.TensorProto.DataType.FLOAT, dims: [2, DIM], floatData: Array.from({ length: 2 * DIM }, (_, i) => i / 10) },
      int64Tensor('lastAxis', [-1]),
      int64Tensor('seqAxis', [1]),
    ].filter((t) => (options.withTypes || t.name !== 'typeTable') && (options.pooled || t.name !== 'seqAxis')),
    input: inputs,
    output: [{ name: options.pooled ? 'pooled' : 'last_hidden_state', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } }],
  };
  return onnx.ModelProto.encode({ irVersion: 8, producerName: 'arenalab-test', opsetImport: [{ domain: '', version: 13 }], graph }).finish();
}

export function tokenizerJson(): unknown {
  return {
    normalizer: { type: 'BertNormalizer', lowercase: true, strip_accents: null, clean_text: true, handle_chinese_chars: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', cls: ['[CLS]', 2], sep: ['[SEP]', 3] },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) },
  };
}

export function modelFolder(model: Uint8Array, tokenizer: string = JSON.stringify(tokenizerJson())): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-onnx-'));
  fs.writeFileSync(path.join(dir, 'model.onnx'), model);
  fs.writeFileSync(path.join(dir, 'tokenizer.json'), tokenizer);
  return dir;
}

/** The hand computation: mean of the table rows of `ids`, L2-normalised. */
export function expectedVector(ids: number[]): number[] {
  const mean = Array.from({ length: DIM }, (_, d) => ids.reduce((sum, id) => sum + TABLE[id * DIM + d], 0) / ids.length);
  const norm = Math.hypot(...mean);
  return mean.map((x) => x / norm);
}
