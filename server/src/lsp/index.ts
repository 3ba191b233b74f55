export * from './lspSettings';
export * from './startLanguageServer';
export * from './lspFrameGuard';
