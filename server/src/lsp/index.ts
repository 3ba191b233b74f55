export * from './lspSettings';
export * from './startLanguageServer';
