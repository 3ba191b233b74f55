import type { Embedder } from '@arenalab/core';
import { OnnxEmbedder } from '../adapters';

export const MODEL_OPTION_HELP =
  'embed with an ONNX model folder you supply (tokenizer.json + model.onnx) instead of the built-in hashing embedder';

/**
 * Runs `work` with the ONNX embedder of `modelDir` (released afterwards), or with none so the pipeline uses its
 * default. Nothing is ever downloaded: the folder must already hold the model.
 */
export async function withModelEmbedder<T>(modelDir: string | undefined, work: (embedder: Embedder | undefined) => Promise<T>): Promise<T> {
  if (!modelDir) return work(undefined);
  const embedder = await OnnxEmbedder.load(modelDir);
  try {
    return await work(embedder);
  } finally {
    await embedder.release();
  }
}
