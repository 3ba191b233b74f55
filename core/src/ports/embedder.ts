import type { Cancellation } from './cancellation';

/**
 * Turns texts into fixed-length vectors. The default implementation (feature hashing with TF-IDF
 * weights) needs no download; hosts may provide others (an ONNX model folder the user supplies).
 */
export interface Embedder {
  /** Stable identifier of the model and its settings; part of every embedding cache key. */
  readonly id: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[], token?: Cancellation): Promise<Float32Array[]>;
}
