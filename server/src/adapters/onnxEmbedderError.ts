/** Why an ONNX model folder cannot be used or a run produced something unusable. */
export type OnnxEmbedderErrorCode = 'MISSING_FILE' | 'BAD_JSON' | 'MODEL_LOAD_FAILED' | 'MISSING_INPUT' | 'UNEXPECTED_INPUT' | 'BAD_OUTPUT' | 'BAD_CONFIG';

/** An error of the ONNX embedder, naming the file or tensor involved. */
export class OnnxEmbedderError extends Error {
  constructor(
    readonly code: OnnxEmbedderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OnnxEmbedderError';
  }
}
