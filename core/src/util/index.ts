export * from './canonicalJson';
export * from './sha256';
