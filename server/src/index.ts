// The Node host's public surface, for embedding it as a library; the CLI (`cli/main.ts`) and the language server
// (`lsp/`, started by `arenalab lsp --stdio`) are its two entry points.
export * from './host';
export * from './adapters';
export * from './datasets';
export * from './ingest';
export * from './store';
export * from './tools';
export * from './api';
