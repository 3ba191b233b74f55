import type * as Hnswlib from 'hnswlib-node';

/** The hnswlib-node module, typed. */
export type HnswlibModule = typeof Hnswlib;

let cached: HnswlibModule | undefined;

/**
 * Loads hnswlib-node on first use. It is a native addon built at install time, so it may be
 * missing or fail to load on a machine without a compiler; loading lazily lets callers catch
 * that and fall back to the exact index instead of failing at import.
 */
export function loadHnswlib(): HnswlibModule {
  cached ??= require('hnswlib-node') as HnswlibModule;
  return cached;
}
