export * from './readKnowledgeSources';
export * from './openWorkspaceKnowledge';
