export * from './logRecord';
export * from './spanDigest';
export * from './spanStore';
export * from './storeError';
export * from './verifyStore';
export * from './repairStore';
export * from './writerLock';
export * from './storeLocation';
