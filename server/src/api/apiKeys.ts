import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { ApiConfigError } from './apiConfigError';
import { ApiError } from './apiError';

/** The key id of requests when the server runs without keys (loopback only). */
export const ANONYMOUS_KEY_ID = 'anonymous';

const digest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** What logs and metrics show for a key: a prefix of its hash, never the key. */
export function keyIdOf(key: string): string {
  return `key_${digest(key).slice(0, 12)}`;
}

/**
 * Keys from a keys file: one per line; blank lines and lines starting with `#` are skipped. A key has no whitespace
 * and at least 8 characters, so a mangled file fails loudly instead of admitting a trivial key.
 */
export function parseKeysFile(text: string, source: string): string[] {
  const keys: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (/\s/.test(line) || line.length < 8) throw new ApiConfigError(`${source}:${i + 1}: an API key is one word of at least 8 characters`);
    keys.push(line);
  });
  return keys;
}

export function readKeysFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ApiConfigError(`cannot read the API keys file ${file}: ${(error as Error).message}`);
  }
  return parseKeysFile(text, file);
}

/** `ARENALAB_API_KEYS`: keys separated by commas (whitespace around them ignored). */
export function keysFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
}

function unauthorized(message: string, code: string): ApiError {
  return new ApiError(401, 'authentication_error', message, null, code, { 'www-authenticate': 'Bearer realm="arenalab"' });
}

/**
 * Bearer-token check. Keys are held as SHA-256 digests and looked up by the digest of what was presented, so the
 * comparison never runs over the secret byte by byte. With no keys configured every request passes as `anonymous`.
 */
export class ApiKeys {
  private readonly idByDigest = new Map<string, string>();

  constructor(keys: readonly string[]) {
    for (const key of keys) this.idByDigest.set(digest(key), keyIdOf(key));
  }

  get required(): boolean {
    return this.idByDigest.size > 0;
  }

  get size(): number {
    return this.idByDigest.size;
  }

  /** The key id of a request's `Authorization` header; 401 when keys are required and it is missing or unknown. */
  authenticate(authorization: string | undefined): string {
    if (!this.required) return ANONYMOUS_KEY_ID;
    if (!authorization) throw unauthorized("You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.", 'missing_api_key');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized("Malformed Authorization header; expected 'Bearer YOUR_KEY'.", 'invalid_api_key');
    const id = this.idByDigest.get(digest(match[1]));
    if (!id) throw unauthorized('Incorrect API key provided.', 'invalid_api_key');
    return id;
  }
}
