import { invalidParam } from './apiError';

/** Reads one typed field of a request body; every wrong type is a 400 that names the field (`param`). */
type Body = Record<string, unknown>;

const present = (body: Body, key: string): boolean => body[key] !== undefined && body[key] !== null;

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function requiredString(body: Body, key: string): string {
  const value = body[key];
  if (value === undefined || value === null) throw invalidParam(key, `Missing required parameter: '${key}'.`, 'missing_required_parameter');
  if (typeof value !== 'string') throw invalidParam(key, `Invalid type for '${key}': expected a string, but got ${typeName(value)}.`, 'invalid_type');
  return value;
}

export function optionalString(body: Body, key: string): string | undefined {
  return present(body, key) ? requiredString(body, key) : undefined;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'boolean') throw invalidParam(key, `Invalid type for '${key}': expected a boolean, but got ${typeName(value)}.`, 'invalid_type');
  return value;
}

/** A finite number in [min, max]; `integer` also rejects fractions. */
export function optionalNumber(body: Body, key: string, min: number, max: number, integer = false): number | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  const kind = integer ? 'an integer' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw invalidParam(key, `Invalid type for '${key}': expected ${kind}, but got ${typeName(value)}${typeof value === 'number' ? ` (${value})` : ''}.`, 'invalid_type');
  }
  if (value < min || value > max) throw invalidParam(key, `Invalid value for '${key}': ${value} is outside the range ${min} to ${max}.`);
  return value;
}

/** OpenAI's `stop`: a string or up to 4 strings; always returned as a list (empty when absent). */
export function stopSequences(body: Body): string[] {
  if (!present(body, 'stop')) return [];
  const value = body.stop;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    throw invalidParam('stop', `Invalid type for 'stop': expected a string or an array of strings, but got ${typeName(value)}.`, 'invalid_type');
  }
  if (list.length > 4) throw invalidParam('stop', `Invalid value for 'stop': at most 4 stop sequences, got ${list.length}.`);
  return (list as string[]).filter((item) => item !== '');
}

/** `n`: how many choices. The creatures give one answer per request, so only 1 is accepted (said, not ignored). */
export function singleChoice(body: Body): void {
  const n = optionalNumber(body, 'n', 1, 128, true);
  if (n !== undefined && n !== 1) throw invalidParam('n', `Invalid value for 'n': ArenaLab creatures give one answer per request; only n=1 is supported.`, 'unsupported_value');
}

/** `stream_options.include_usage`: a final chunk with the token counts; only meaningful (and allowed) when streaming. */
export function streamIncludeUsage(body: Body, stream: boolean): boolean {
  const options = body.stream_options;
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidParam('stream_options', "Invalid type for 'stream_options': expected an object.", 'invalid_type');
  if (!stream) throw invalidParam('stream_options', "'stream_options' is only allowed when 'stream' is true.", 'invalid_value');
  return optionalBoolean(options as Body, 'include_usage') ?? false;
}
