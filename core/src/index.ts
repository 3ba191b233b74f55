// The public API of @arenalab/core. Hosts import only from here, never from deep paths.
export * from './dataset';
export * from './embedding';
export * from './index/index';
export * from './ingest';
export * from './ports';
export * from './quality';
export * from './secrets';
export * from './spans';
export * from './util';
export * from './completion';
export * from './syntax';
export * from './matching';
export * from './constitution';
export * from './chat';
export * from './qa';
export * from './tools';
export * from './learning';
