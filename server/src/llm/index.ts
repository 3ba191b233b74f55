export * from './llmError';
export * from './llmSettings';
export * from './openAiCompatibleClient';
export * from './postJson';
export * from './proxyFor';
export * from './openAiEndpoint';
