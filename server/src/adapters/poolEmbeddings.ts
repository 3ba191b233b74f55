import { l2NormalizeInPlace } from '@arenalab/core';
import { OnnxEmbedderError } from './onnxEmbedderError';

/** The parts of an onnxruntime output tensor that pooling needs. */
export interface OutputTensor {
  type: string;
  dims: readonly number[];
  data: unknown;
}

/**
 * Turns a model's first output into one unit vector per text. `[batch, seq, dim]` (token states,
 * e.g. last_hidden_state) is mean-pooled over the positions whose attention mask is 1, so padding
 * never shifts a vector; `[batch, dim]` is taken as already pooled. Then every vector is
 * L2-normalised.
 */
export function poolEmbeddings(output: OutputTensor, mask: ArrayLike<bigint | number>, batch: number, seq: number, name: string): Float32Array[] {
  if (output.type !== 'float32' || !(output.data instanceof Float32Array)) {
    throw new OnnxEmbedderError('BAD_OUTPUT', `output ${name} has type ${output.type}; a float32 tensor is expected`);
  }
  const data = output.data;
  const dims = output.dims;
  if (dims.length === 2 && dims[0] === batch) {
    const dim = dims[1];
    return Array.from({ length: batch }, (_, b) => l2NormalizeInPlace(data.slice(b * dim, (b + 1) * dim)));
  }
  if (dims.length === 3 && dims[0] === batch && dims[1] === seq) {
    const dim = dims[2];
    return Array.from({ length: batch }, (_, b) => {
      const sum = new Float32Array(dim);
      let count = 0;
      for (let t = 0; t < seq; t++) {
        if (Number(mask[b * seq + t]) === 0) continue;
        count++;
        const base = (b * seq + t) * dim;
        for (let d = 0; d < dim; d++) sum[d] += data[base + d];
      }
      if (count > 0) for (let d = 0; d < dim; d++) sum[d] /= count;
      return l2NormalizeInPlace(sum);
    });
  }
  throw new OnnxEmbedderError('BAD_OUTPUT', `output ${name} has shape [${dims.join(', ')}]; expected [${batch}, ${seq}, dim] (token states) or [${batch}, dim] (pooled)`);
}
