import { applyRenamedSettings, boundsText, SETTINGS, withinBounds } from '@arenalab/protocol';
import { resolveLlmSettings } from '../../llm';
import type { LlmSettings } from '../../llm';

/** The `arenalab.*` settings a client can change, after validation. */
export interface ClientSettings {
  /** Per language id, whether to suggest; `*` is the default for languages not listed (`arenalab.languages`). */
  languages: Readonly<Record<string, boolean>>;
  /** Suggestions below this confidence (0–1) are not shown. */
  confidenceThreshold: number;
  /** Longest suggestion shown, in lines; longer ones are cut. */
  maxLines: number;
  /** Extra workspace exclusions, in gitignore syntax. */
  excludes: readonly string[];
  /** Where outcome spans are stored; `.arenalab/` in the first workspace folder when absent. */
  store: { location?: string };
  /**
   * Time a completion may take, in ms; when it is spent the engine ranks what it has found so far, because ghost
   * text that arrives late is noise.
   */
  requestBudgetMs: number;
  /**
   * The precision (share of shown suggestions accepted and kept) the user wants; the show threshold is then fitted
   * on the logged outcomes to reach it. Null: `confidenceThreshold` as set.
   */
  targetPrecision: number | null;
  /** Whether suggestion outcomes, edits and runs are recorded (`arenalab.recording.enabled`). */
  recording: { enabled: boolean };
  /** The external model for medium-confidence chat synthesis (`arenalab.llm.*`); absent: the chat stays local. */
  llm?: LlmSettings;
}

export const DEFAULT_CLIENT_SETTINGS: Readonly<ClientSettings> = {
  languages: SETTINGS.languages.default,
  confidenceThreshold: SETTINGS.confidenceThreshold.default,
  maxLines: SETTINGS.maxLines.default,
  excludes: SETTINGS.excludes.default,
  // The declared default, '', means no location of its own: `.arenalab/` in the first workspace folder.
  store: {},
  requestBudgetMs: SETTINGS.requestBudgetMs.default,
  targetPrecision: SETTINGS.targetPrecision.default,
  recording: { enabled: SETTINGS['recording.enabled'].default },
};

export interface ValidatedSettings {
  settings: ClientSettings;
  /** One readable line per rejected setting, naming the safe default used instead. */
  problems: string[];
  /** One line per renamed setting read under its old name (to log once, not to show at every pull). */
  notices: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Laid over the declared default, as VS Code merges an object setting with its default, for every client alike. */
function validLanguages(value: unknown): ClientSettings['languages'] | undefined {
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'boolean')) return undefined;
  return { ...SETTINGS.languages.default, ...(value as Record<string, boolean>) };
}

const wholeWithin = (value: unknown, bounds: { minimum: number; maximum: number }): number | undefined =>
  Number.isInteger(value) && withinBounds(value, bounds) ? value : undefined;

function validRecording(value: unknown): ClientSettings['recording'] | undefined {
  if (!isRecord(value)) return undefined;
  if (value.enabled === undefined) return { enabled: SETTINGS['recording.enabled'].default };
  return typeof value.enabled === 'boolean' ? { enabled: value.enabled } : undefined;
}

function validStore(value: unknown): ClientSettings['store'] | undefined {
  if (!isRecord(value)) return undefined;
  const { location } = value;
  if (location === undefined || location === null || location === '') return {};
  return typeof location === 'string' ? { location } : undefined;
}

/**
 * `arenalab.llm` ({ baseUrl, model, apiKey }): checked by the same rules as the CLI's flags. A wrong one is reported
 * by the setting it names and never echoed back, since the object holds the API key.
 */
function validLlm(value: unknown, problems: string[]): LlmSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.push('arenalab.llm: expected an object { "baseUrl", "model", "apiKey" }; the chat stays local');
    return undefined;
  }
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  const wrongType = ['baseUrl', 'model', 'apiKey'].filter((key) => value[key] !== undefined && value[key] !== null && typeof value[key] !== 'string');
  if (wrongType.length > 0) {
    problems.push(`${wrongType.map((key) => `arenalab.llm.${key}`).join(', ')}: expected a string; the chat stays local`);
    return undefined;
  }
  try {
    return resolveLlmSettings({ baseUrl: text('baseUrl'), model: text('model'), apiKey: text('apiKey') });
  } catch (error) {
    problems.push(`${error instanceof Error ? error.message : String(error)}; the chat stays local`);
    return undefined;
  }
}

const VALIDATORS: { [K in Exclude<keyof ClientSettings, 'llm'>]: { expected: string; check(value: unknown): ClientSettings[K] | undefined } } = {
  languages: { expected: 'an object of language id → true/false, e.g. { "*": true, "markdown": false }', check: validLanguages },
  confidenceThreshold: { expected: `a number ${boundsText(SETTINGS.confidenceThreshold)}`, check: (v) => (withinBounds(v, SETTINGS.confidenceThreshold) ? v : undefined) },
  maxLines: { expected: `a whole number ${boundsText(SETTINGS.maxLines)}`, check: (v) => wholeWithin(v, SETTINGS.maxLines) },
  excludes: { expected: 'a list of gitignore patterns', check: (v) => (Array.isArray(v) && v.every((p) => typeof p === 'string') ? v : undefined) },
  store: { expected: 'an object { "location": "a folder path" }', check: validStore },
  targetPrecision: { expected: `a number ${boundsText(SETTINGS.targetPrecision)}, or null`, check: (v) => (v === null || withinBounds(v, SETTINGS.targetPrecision) ? v : undefined) },
  recording: { expected: 'an object { "enabled": true or false }', check: validRecording },
  requestBudgetMs: { expected: `a whole number of milliseconds ${boundsText(SETTINGS.requestBudgetMs)}`, check: (v) => wholeWithin(v, SETTINGS.requestBudgetMs) },
};

/**
 * Checks what the client sent, setting by setting: a missing setting takes its default silently, a wrong one takes
 * its default with a problem line, so one typo never disables the others. Unknown keys are ignored (other versions).
 */
export function validateClientSettings(raw: unknown): ValidatedSettings {
  const settings: ClientSettings = { ...DEFAULT_CLIENT_SETTINGS };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems, notices: [] };
  if (!isRecord(raw)) return { settings, problems: [`arenalab settings: expected an object, got ${JSON.stringify(raw)}; using the defaults`], notices: [] };
  // Editors other than VS Code (and older settings files) may still send a setting under its old name.
  const renamed = applyRenamedSettings(raw);
  const section = renamed.values;
  const llm = validLlm(section.llm, problems);
  if (llm !== undefined) settings.llm = llm;
  for (const key of Object.keys(VALIDATORS) as (keyof typeof VALIDATORS)[]) {
    if (section[key] === undefined) continue;
    const valid = VALIDATORS[key].check(section[key]);
    if (valid === undefined) {
      problems.push(`arenalab.${key}: expected ${VALIDATORS[key].expected}, got ${JSON.stringify(section[key])}; using ${JSON.stringify(DEFAULT_CLIENT_SETTINGS[key])}`);
    } else {
      (settings as unknown as Record<string, unknown>)[key] = valid;
    }
  }
  return { settings, problems, notices: renamed.notices };
}

/** Whether suggestions are enabled for a language under these settings. */
export function enabledFor(settings: ClientSettings, language: string): boolean {
  return settings.languages[language] ?? settings.languages['*'] ?? true;
}
