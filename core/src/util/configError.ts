/**
 * A configuration value out of its bounds, for every configurable part (matching, chat engine, constitution,
 * hashing embedder, HNSW index, sandbox limits): `code` says which part, `field` which setting; the message names
 * the part, the field, the bounds and the value given.
 */
export class ConfigError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    subject: string,
    readonly field: string,
    readonly value: unknown,
    bounds: string,
  ) {
    super(`${subject}: ${field} must be ${bounds}, got ${String(value)}`);
    this.name = 'ConfigError';
  }
}
