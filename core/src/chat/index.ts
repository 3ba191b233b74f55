export * from './chatEngine';
export * from './chatEngineConfig';
export * from './chatLimits';
export * from './chatTypes';
export { chatMethod } from './composeAnswer';
export * from './llmSynthesizer';
export * from './qaPair';
export { QaRetriever, questionTokens, weightedDice, type QaQuery, type RetrievedPair } from './qaRetriever';
export { sharedTerms } from './sharedTerms';
