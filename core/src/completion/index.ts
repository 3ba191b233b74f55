export * from './completionTypes';
export * from './identifierTokens';
export * from './jaccardCopyIndex';
export * from './nextLineCases';
export * from './scoreLine';
