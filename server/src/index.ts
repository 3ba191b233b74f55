// The Node host's public surface: what the CLI (and, later, the LSP server) builds on.
export * from './adapters';
export * from './datasets';
export * from './ingest';
export * from './pipeline';
export * from './store';
export * from './tools';
export * from './api';
