export * from './settings/lspSettings';
export * from './startLanguageServer';
