export * from './bruteForceIndex';
export * from './invalidSearchError';
export * from './vectorIndex';
