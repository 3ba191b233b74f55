export * from './llmError';
export * from './llmSettings';
export * from './openAiCompatibleClient';
