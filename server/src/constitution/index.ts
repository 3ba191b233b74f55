export * from './antiPatternFile';
