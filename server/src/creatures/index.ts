export * from './readKnowledgeSources';
export * from './openWorkspaceKnowledge';
export * from './externalCreature';
