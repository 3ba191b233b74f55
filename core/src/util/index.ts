export * from './canonicalJson';
export * from './sha256';
export * from './cosineSimilarity';
export * from './dimensionMismatchError';
export * from './l2Normalize';
export * from './levenshtein';
export * from './configError';
