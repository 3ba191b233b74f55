export * from './completionTypes';
