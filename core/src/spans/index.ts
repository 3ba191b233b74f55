export * from './span';
