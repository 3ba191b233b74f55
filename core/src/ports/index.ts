export * from './cancellation';
export * from './clock';
export * from './embedder';
export * from './progress';
export * from './random';
export * from './grammarLoader';
