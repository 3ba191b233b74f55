export * from './cachedEmbedder';
export * from './cosineSimilarity';
export * from './documentFrequencies';
export * from './hashingEmbedder';
export * from './l2Normalize';
export * from './lruCache';
export * from './splitWords';
