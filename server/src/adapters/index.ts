export * from './createVectorIndex';
export * from './hnswConfig';
export * from './hnswlibLoader';
export * from './hnswVectorIndex';
