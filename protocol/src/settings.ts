// Every `arenalab.*` setting once: its JSON type, default and bounds in the words of VS Code's configuration schema,
// as the root package.json's `contributes.configuration` declares them (descriptions stay there; a test holds the two
// equal). The client reads its settings and the server validates its own against these, so that no default or bound
// is written twice.

/** The settings' section: `arenalab.maxLines` is `maxLines` of `workspace.getConfiguration(SETTINGS_SECTION)`. */
export const SETTINGS_SECTION = 'arenalab';

/** The schema of one value: a JSON type with the bounds VS Code checks in the Settings editor. */
export interface SettingValueSchema {
  readonly type?: string | readonly string[];
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly items?: SettingValueSchema;
  readonly additionalProperties?: SettingValueSchema;
  /** Any one of these (`completion.debounceMs`: `"auto"` or a number of milliseconds). */
  readonly anyOf?: readonly SettingValueSchema[];
}

/** One setting: its value schema, its default, and where VS Code lets it be set when not everywhere. */
export interface SettingSchema extends SettingValueSchema {
  readonly default: unknown;
  /**
   * Where VS Code lets it be set, when not in every window alike (`window`, the default): `resource` also per
   * folder, `language-overridable` also per language, `machine` only on this machine.
   */
  readonly scope?: 'application' | 'machine' | 'machine-overridable' | 'window' | 'resource' | 'language-overridable';
}

/** Every `arenalab.*` setting, keyed by its name inside the section. */
export const SETTINGS = deepFreeze({
  enabled: { type: 'boolean', default: true },
  // Prose and plain text are not code: suggesting there would be noise. Called `enable` before, too close to `enabled`.
  languages: { type: 'object', default: { '*': true, markdown: false, plaintext: false }, additionalProperties: { type: 'boolean' } },
  // Read with the document as the scope, so `"[python]": { "arenalab.suggestInComments": true }` applies.
  suggestInComments: { type: 'boolean', default: false, scope: 'language-overridable' },
  confidenceThreshold: { type: 'number', default: 0.5, minimum: 0, maximum: 1 },
  targetPrecision: { type: ['number', 'null'], default: null, exclusiveMinimum: 0, maximum: 1 },
  requestBudgetMs: { type: 'integer', default: 250, minimum: 10, maximum: 5000 },
  maxLines: { type: 'integer', default: 10, minimum: 1, maximum: 100 },
  // Per folder: the server reads each workspace folder's own value.
  excludes: { type: 'array', items: { type: 'string' }, default: [], scope: 'resource' },
  'completion.debounceMs': { anyOf: [{ type: 'string', enum: ['auto'] }, { type: 'number', minimum: 0, maximum: 2000 }], default: 'auto' },
  'completion.dismissTimeoutMs': { type: 'integer', default: 15000, minimum: 1000, maximum: 600000 },
  'server.nodePath': { type: 'string', default: '', scope: 'machine' },
  'store.location': { type: 'string', default: '', scope: 'machine-overridable' },
  'llm.baseUrl': { type: 'string', default: '', scope: 'machine-overridable' },
  'llm.model': { type: 'string', default: '' },
  // Declared only so that an old value can be moved into the editor's secret storage and removed from settings.json.
  'llm.apiKey': { type: 'string', default: '', scope: 'machine' },
  // Privacy: whether the developer's activity (suggestion outcomes, edits, runs) is recorded in the store.
  'recording.enabled': { type: 'boolean', default: true },
  // Daily use: quiet periods and suggestions only when asked.
  'completion.mode': { type: 'string', enum: ['automatic', 'manual'], default: 'automatic' },
} as const satisfies Record<string, SettingSchema>);

export type SettingName = keyof typeof SETTINGS;

/** The numeric bounds of a value schema, the inclusive `minimum` or the exclusive `exclusiveMinimum`. */
export type NumberBounds = Pick<SettingValueSchema, 'minimum' | 'exclusiveMinimum' | 'maximum'>;

/**
 * Whether `value` is a finite number within `bounds` (wholeness is the caller's: the client rounds milliseconds, the
 * server refuses a fractional line count).
 */
export function withinBounds(value: unknown, bounds: NumberBounds): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (bounds.minimum !== undefined && value < bounds.minimum) return false;
  if (bounds.exclusiveMinimum !== undefined && value <= bounds.exclusiveMinimum) return false;
  return bounds.maximum === undefined || value <= bounds.maximum;
}

/** The bounds in words for a problem message: `from 0 to 1`, `above 0 and at most 1`. */
export function boundsText(bounds: NumberBounds): string {
  const { minimum, exclusiveMinimum, maximum } = bounds;
  if (minimum !== undefined) return maximum === undefined ? `at least ${minimum}` : `from ${minimum} to ${maximum}`;
  if (exclusiveMinimum !== undefined) return maximum === undefined ? `above ${exclusiveMinimum}` : `above ${exclusiveMinimum} and at most ${maximum}`;
  return maximum === undefined ? 'of any size' : `at most ${maximum}`;
}

/** Frozen all the way down, so that no reader can change a default for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
