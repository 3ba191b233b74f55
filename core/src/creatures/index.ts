export * from './creature';
export * from './knowledgeSources';
export * from './workspaceKnowledgeConfig';
export { WorkspaceKnowledgeCreature, WORKSPACE_KNOWLEDGE_ID, answerFromKnowledge, type WorkspaceKnowledgeOptions } from './workspaceKnowledgeCreature';
export { buildCommands, isBuildFile } from './buildCommands';
export { isDocFile } from './markdownSections';
export * from './workspaceCodeCreature';
export * from './chatEngineCreature';
