export * from './bruteForceIndex';
export * from './invalidSearchError';
export * from './vectorIndex';
export * from './indexFormatError';
export * from './invertedIndex';
export * from './invertedIndexConfig';
export type { Bm25Trace } from './maxScoreSearch';
