export * from './createVectorIndex';
export * from './hfTokenizer';
export * from './hnswConfig';
export * from './hnswlibLoader';
export * from './hnswVectorIndex';
export * from './onnxEmbedder';
export * from './onnxEmbedderError';
export * from './tokenizerError';
