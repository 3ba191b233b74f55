export * from './curationRules';
export * from './curationScore';
export * from './enrichSpan';
export * from './judgementSpan';
export * from './pickCurationQueue';
