export * from './discoverSources';
export * from './fileSources';
export * from './gitHistory';
export * from './gitSource';
export * from './ingestError';
export * from './ingestIntoStore';
export * from './spanSource';
