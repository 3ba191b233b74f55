import { readFile } from 'node:fs/promises';
import type { Logger } from './logger';

export interface CacheEntry<T> {
  value: T;
  expiresAt: number;
}

export enum Mode {
  Strict = 'strict',
  Lenient = 'lenient',
}

/** A small TTL cache. */
export class TtlCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();

  constructor(private readonly ttlMs: number, private readonly log?: Logger) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now: number): void {
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    this.log?.debug(`cached ${key}`);
  }
}

export async function loadConfig(path: string, mode: Mode = Mode.Strict): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8');
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const keys = Object.keys(parsed).filter((key) => !key.startsWith('_'));
  return mode === Mode.Strict ? Object.fromEntries(keys.map((key) => [key, parsed[key]])) : parsed;
}
