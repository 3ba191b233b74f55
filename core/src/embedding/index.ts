export * from './cachedEmbedder';
export * from './documentFrequencies';
export * from './hashingEmbedder';
export * from './lruCache';
export * from './splitWords';
