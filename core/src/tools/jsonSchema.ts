/**
 * The subset of JSON Schema that tool parameters use: enough to describe arguments to a person or an external model
 * and to check them at the boundary, small enough to validate without a library.
 */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

export interface JsonSchema {
  type: JsonSchemaType;
  description?: string;
  /** Filled in by `validateToolArgs` when an optional property is absent. */
  default?: unknown;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** For `object`. */
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  /** For `object`: false rejects properties that are not listed (the default for tool arguments is to reject). */
  additionalProperties?: boolean;
  /** For `array`. */
  items?: JsonSchema;
  maxItems?: number;
}

/** One thing wrong with an argument, named by its path (`args.timeout_ms`). */
export interface ArgumentProblem {
  path: string;
  message: string;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

function matchesType(value: unknown, type: JsonSchemaType): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'object') return typeOf(value) === 'object';
  return typeOf(value) === type;
}

function checkScalar(value: unknown, schema: JsonSchema, path: string, problems: ArgumentProblem[]): void {
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    problems.push({ path, message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push({ path, message: `must be ≥ ${schema.minimum}, got ${value}` });
    if (schema.maximum !== undefined && value > schema.maximum) problems.push({ path, message: `must be ≤ ${schema.maximum}, got ${value}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push({ path, message: `must have at least ${schema.minLength} characters` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push({ path, message: `must have at most ${schema.maxLength} characters, got ${value.length}` });
  }
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, path: string, problems: ArgumentProblem[]): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const result: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) problems.push({ path: `${path}.${name}`, message: 'is required' });
  }
  for (const [name, item] of Object.entries(value)) {
    const child = properties[name];
    if (child === undefined) {
      if (schema.additionalProperties === true) result[name] = item;
      else problems.push({ path: `${path}.${name}`, message: `is not a parameter (known: ${Object.keys(properties).join(', ') || 'none'})` });
    } else if (item !== undefined) {
      result[name] = checkValue(item, child, `${path}.${name}`, problems);
    }
  }
  for (const [name, child] of Object.entries(properties)) {
    if (result[name] === undefined && child.default !== undefined) result[name] = child.default;
  }
  return result;
}

function checkValue(value: unknown, schema: JsonSchema, path: string, problems: ArgumentProblem[]): unknown {
  if (!matchesType(value, schema.type)) {
    problems.push({ path, message: `must be ${schema.type === 'integer' ? 'an integer' : `a ${schema.type}`}, got ${typeOf(value)}` });
    return value;
  }
  if (schema.type === 'object') return checkObject(value as Record<string, unknown>, schema, path, problems);
  if (schema.type === 'array') {
    const items = value as unknown[];
    if (schema.maxItems !== undefined && items.length > schema.maxItems) problems.push({ path, message: `must have at most ${schema.maxItems} items` });
    return schema.items ? items.map((item, i) => checkValue(item, schema.items as JsonSchema, `${path}[${i}]`, problems)) : items;
  }
  checkScalar(value, schema, path, problems);
  return value;
}

/**
 * Checks arguments against a tool's parameter schema. Returns the arguments with defaults filled in, or every
 * problem found (never throws on input).
 */
export function validateToolArgs(
  args: unknown,
  schema: JsonSchema,
): { ok: true; args: Record<string, unknown> } | { ok: false; problems: ArgumentProblem[] } {
  const problems: ArgumentProblem[] = [];
  const checked = checkValue(args, schema, 'args', problems);
  return problems.length === 0 ? { ok: true, args: checked as Record<string, unknown> } : { ok: false, problems };
}
