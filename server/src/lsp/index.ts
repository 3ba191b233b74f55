export * from './settings/lspSettings';
export * from './startLanguageServer';
export * from './lspFrameGuard';
