// The Node host's public surface, for embedding it as a library; the CLI (`cli/main.ts`), the language server
// (`lsp/`, started by `arenalab lsp --stdio`) and the API server (`api/`, `arenalab serve`) are its entry points.
export * from './host';
export * from './adapters';
export * from './datasets';
export * from './ingest';
export * from './store';
export * from './tools';
export * from './api';
