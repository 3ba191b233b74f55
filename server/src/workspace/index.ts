export * from './indexWorkspace';
export * from './languageForPath';
export * from './listWorkspaceFiles';
export * from './workspaceFileFilter';
