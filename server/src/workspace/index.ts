export * from './indexWorkspace';
export * from './languageForPath';
export * from './listWorkspaceFiles';
export * from './workspaceFileFilter';
export * from './buildCompletionIndex';
export * from './indexInWorker';
export * from './savedIndexFile';
