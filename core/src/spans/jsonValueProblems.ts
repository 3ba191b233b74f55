import { fieldPath } from './fieldPath';
import { describeValue, formatByteSize, utf8ByteLength } from './describeValue';

/** A problem with one field of a record; `field` is a dotted path such as `context.stakes`, `-` for the whole record. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Limits the walk over a record enforces, whatever its schema says. */
export interface JsonLimits {
  /** Largest UTF-8 size of any single string, in bytes. */
  maxFieldBytes: number;
  /** Deepest nesting of arrays and objects; also what stops a cyclic object graph. */
  maxDepth: number;
  /** The walk stops after this many problems, so one huge bad array cannot flood a report. */
  maxProblems: number;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function join(path: string, key: string | number): string {
  const name = fieldPath([key]);
  return path === '' ? name : `${path}.${name}`;
}

function checkString(text: string, path: string, limits: JsonLimits, out: FieldProblem[]): void {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: the exact count is only needed for long strings.
  if (text.length * 3 <= limits.maxFieldBytes) return;
  const bytes = utf8ByteLength(text);
  if (bytes > limits.maxFieldBytes) {
    const size = formatByteSize(bytes);
    const limit = formatByteSize(limits.maxFieldBytes);
    // Just over the limit, rounded sizes would read "1 MB, over the 1 MB limit": say the bytes.
    const message = size === limit ? `is ${bytes} bytes, over the ${limits.maxFieldBytes}-byte limit` : `is ${size}, over the ${limit} limit`;
    out.push({ field: path, message });
  }
}

function walk(value: unknown, path: string, depth: number, limits: JsonLimits, out: FieldProblem[]): void {
  if (out.length >= limits.maxProblems) return;
  if (typeof value === 'string') return checkString(value, path, limits, out);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ field: path, message: `must be a finite number, got ${String(value)}` });
    return;
  }
  if (typeof value !== 'object') {
    out.push({ field: path, message: `must be a JSON value, got ${describeValue(value)}` });
    return;
  }
  if (depth >= limits.maxDepth) {
    out.push({ field: path, message: `is nested deeper than ${limits.maxDepth} levels` });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], join(path, i), depth + 1, limits, out);
    return;
  }
  if (!isPlainObject(value)) {
    out.push({ field: path, message: 'must be a plain JSON object' });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // JSON.parse keeps "__proto__" as a plain key, but copying it later would set a prototype instead.
    if (key === '__proto__') out.push({ field: join(path, key), message: 'is a reserved name and cannot be stored' });
    else if (record[key] !== undefined) walk(record[key], join(path, key), depth + 1, limits, out);
  }
}

/**
 * Problems that make a value unfit to be stored as JSON: strings over the size limit, non-finite
 * numbers, functions, class instances, excessive nesting or cycles. `undefined` members are allowed
 * because serialisation drops them.
 */
export function jsonValueProblems(value: unknown, limits: JsonLimits, path = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  walk(value, path, 0, limits, out);
  return out.map((problem) => (problem.field === '' ? { ...problem, field: '-' } : problem));
}
