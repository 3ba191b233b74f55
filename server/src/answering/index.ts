export * from './answerChat';
export * from './answerWithoutSecrets';
export * from './completionService';
export * from './workspaceConstitution';
export * from './knowledgeReply';
