import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { throwIfCancelled } from '@arenalab/core';
import type { Cancellation, Embedder } from '@arenalab/core';
import type { InferenceSession } from 'onnxruntime-node';
import { HfTokenizer } from './hfTokenizer';
import type { Encoding } from './hfTokenizer';
import { OnnxEmbedderError } from './onnxEmbedderError';
import { poolEmbeddings } from './poolEmbeddings';
import type { OutputTensor } from './poolEmbeddings';

/** Settings of the {@link OnnxEmbedder}. */
export interface OnnxEmbedderConfig {
  /**
   * Longest token sequence fed to the model, special tokens included; longer texts are truncated.
   * BERT-family models accept at most 512. Integer, 2..8192.
   * @default 256
   */
  maxLength: number;
  /**
   * Texts per model run. Larger batches amortise the per-run overhead but pad every text to the
   * longest in its batch. Integer, 1..1024.
   * @default 32
   */
  batchSize: number;
}

export const DEFAULT_ONNX_EMBEDDER_CONFIG: Readonly<OnnxEmbedderConfig> = Object.freeze({ maxLength: 256, batchSize: 32 });

const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

function checkConfig(config: OnnxEmbedderConfig): void {
  const bad = (field: string, value: number, min: number, max: number) => !Number.isInteger(value) || value < min || value > max ? `${field} must be an integer in ${min}..${max}, got ${value}` : undefined;
  const problem = bad('maxLength', config.maxLength, 2, 8192) ?? bad('batchSize', config.batchSize, 1, 1024);
  if (problem) throw new OnnxEmbedderError('BAD_CONFIG', `ONNX embedder: ${problem}`);
}

function requireFile(folder: string, name: string): string {
  const file = path.join(folder, name);
  if (!fs.existsSync(file)) throw new OnnxEmbedderError('MISSING_FILE', `${file}: missing; a model folder needs tokenizer.json and model.onnx`);
  return file;
}

function readTokenizer(file: string): { tokenizer: HfTokenizer; text: string } {
  const text = fs.readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OnnxEmbedderError('BAD_JSON', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  return { tokenizer: HfTokenizer.fromJson(json), text };
}

async function openSession(file: string): Promise<InferenceSession> {
  // Loaded here, not at import: the native runtime is only needed by users who configure a model.
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  let session: InferenceSession;
  try {
    // Severity 3 = errors only: graph-optimiser notices are not the user's concern.
    session = await ort.InferenceSession.create(file, { logSeverityLevel: 3 });
  } catch (error) {
    throw new OnnxEmbedderError('MODEL_LOAD_FAILED', `${file}: onnxruntime could not load the model: ${(error as Error).message}`);
  }
  if (!session.inputNames.includes('input_ids')) {
    throw new OnnxEmbedderError('MISSING_INPUT', `${file}: the model has no input_ids input (inputs: ${session.inputNames.join(', ')})`);
  }
  const unknown = session.inputNames.filter((name) => !KNOWN_INPUTS.has(name));
  if (unknown.length > 0) {
    throw new OnnxEmbedderError('UNEXPECTED_INPUT', `${file}: the model needs inputs this embedder cannot feed: ${unknown.join(', ')} (it feeds ${[...KNOWN_INPUTS].join(', ')})`);
  }
  return session;
}

function shortDigest(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/**
 * An embedder for a model folder the user supplies: `tokenizer.json` (HuggingFace format,
 * WordPiece or WordLevel) and `model.onnx`, run on the CPU with onnxruntime-node. Token ids,
 * attention mask and (when the model declares it) token type ids go in as int64 tensors; the first
 * output is mean-pooled over real tokens (or taken as is when already pooled) and L2-normalised.
 * The id holds digests of both files, so cached vectors of another model are never reused.
 */
export class OnnxEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dimension: number,
    readonly config: Readonly<OnnxEmbedderConfig>,
    private readonly tokenizer: HfTokenizer,
    private readonly session: InferenceSession,
  ) {}

  /** Opens `folder`; runs the model once to learn its output dimension. */
  static async load(folder: string, config: Partial<OnnxEmbedderConfig> = {}): Promise<OnnxEmbedder> {
    const resolved = Object.freeze({ ...DEFAULT_ONNX_EMBEDDER_CONFIG, ...config });
    checkConfig(resolved);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new OnnxEmbedderError('MISSING_FILE', `${folder}: not a folder`);
    const tokenizerFile = requireFile(folder, 'tokenizer.json');
    const modelFile = requireFile(folder, 'model.onnx');
    const { tokenizer, text } = readTokenizer(tokenizerFile);
    const session = await openSession(modelFile);
    const id = `onnx:${shortDigest(fs.readFileSync(modelFile))}:${shortDigest(text)}:L${resolved.maxLength}`;
    const probe = new OnnxEmbedder(id, 0, resolved, tokenizer, session);
    const [vector] = await probe.runBatch([tokenizer.encode('dimension probe', resolved.maxLength)]);
    return new OnnxEmbedder(id, vector.length, resolved, tokenizer, session);
  }

  async embed(texts: readonly string[], token?: Cancellation): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.config.batchSize) {
      throwIfCancelled(token, 'ONNX embedding');
      const batch = texts.slice(start, start + this.config.batchSize).map((text) => this.tokenizer.encode(text, this.config.maxLength));
      vectors.push(...(await this.runBatch(batch)));
    }
    return vectors;
  }

  /** Frees the native session. */
  async release(): Promise<void> {
    await this.session.release();
  }

  private async runBatch(encodings: Encoding[]): Promise<Float32Array[]> {
    const { Tensor } = require('onnxruntime-node') as typeof import('onnxruntime-node');
    const batch = encodings.length;
    const seq = Math.max(1, ...encodings.map((e) => e.ids.length));
    const ids = new BigInt64Array(batch * seq).fill(BigInt(this.tokenizer.padId));
    const mask = new BigInt64Array(batch * seq);
    const types = new BigInt64Array(batch * seq);
    encodings.forEach((encoding, b) => {
      encoding.ids.forEach((id, t) => {
        ids[b * seq + t] = BigInt(id);
        mask[b * seq + t] = 1n;
        types[b * seq + t] = BigInt(encoding.typeIds[t]);
      });
    });
    const all: Record<string, BigInt64Array> = { input_ids: ids, attention_mask: mask, token_type_ids: types };
    const feeds = Object.fromEntries(this.session.inputNames.map((name) => [name, new Tensor('int64', all[name], [batch, seq])]));
    const outputName = this.session.outputNames[0];
    const outputs = await this.session.run(feeds);
    return poolEmbeddings(outputs[outputName] as unknown as OutputTensor, mask, batch, seq, outputName);
  }
}
