export * from './vectorIndex';
