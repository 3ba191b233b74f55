import * as vscode from 'vscode';
import { applyRenamedSettings, boundsText, SETTINGS, SETTINGS_SECTION, withinBounds } from '@arenalab/protocol';
import { parseDebounceSetting } from './completion/adaptiveDebounce';
import type { DebounceSetting } from './completion/adaptiveDebounce';

/**
 * The documents the client hands to the server: every language, on disk or untitled. The tokenizer needs no grammar,
 * so any language gets suggestions; `arenalab.languages` turns them off per language (plain text and markdown by
 * default), checked on both sides.
 */
export const DOCUMENT_SELECTOR: readonly { scheme: string }[] = [{ scheme: 'file' }, { scheme: 'untitled' }];

const DISMISS_TIMEOUT = SETTINGS['completion.dismissTimeoutMs'];

/**
 * The client-side settings; the server pulls and validates its own (languages, confidenceThreshold, maxLines, excludes,
 * store.location).
 */
export interface ClientSideSettings {
  enabled: boolean;
  languages: Readonly<Record<string, boolean>>;
  suggestInComments: boolean;
  /** `manual`: suggestions only on an explicit request (Alt+\\). */
  mode: 'automatic' | 'manual';
  debounce: DebounceSetting;
  dismissTimeoutMs: number;
  nodePath: string;
  /** One line per setting that was wrong and replaced by its default. */
  problems: string[];
  /** One line per renamed setting read under its old name (to log once). */
  notices: string[];
}

function dismissTimeout(raw: unknown, problems: string[]): number {
  if (raw === undefined) return DISMISS_TIMEOUT.default;
  if (withinBounds(raw, DISMISS_TIMEOUT)) return Math.round(raw);
  problems.push(`arenalab.completion.dismissTimeoutMs: expected milliseconds ${boundsText(DISMISS_TIMEOUT)}, got ${JSON.stringify(raw)}; using ${DISMISS_TIMEOUT.default}`);
  return DISMISS_TIMEOUT.default;
}

/** What the user set themselves (at any level), undefined when only the default applies. */
function userValue(config: vscode.WorkspaceConfiguration, name: string): unknown {
  const set = config.inspect(name);
  return set?.workspaceFolderLanguageValue ?? set?.workspaceLanguageValue ?? set?.globalLanguageValue
    ?? set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
}

/** `arenalab.languages`, or the value of its old name `arenalab.enable` while the new one is unset. */
function languages(config: vscode.WorkspaceConfiguration, notices: string[]): Readonly<Record<string, boolean>> {
  const { values, notices: renamed } = applyRenamedSettings({ languages: userValue(config, 'languages'), enable: config.get<unknown>('enable') });
  notices.push(...renamed);
  const value = values.languages;
  const valid = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'boolean');
  // Laid over the default, as VS Code merges an object setting with its declared default.
  return valid ? { ...SETTINGS.languages.default, ...(value as Record<string, boolean>) } : SETTINGS.languages.default;
}

/**
 * The client's settings; with a document as the scope, its folder's and its language's values apply
 * (`arenalab.suggestInComments` can be set per language).
 */
export function readSettings(scope?: vscode.ConfigurationScope): ClientSideSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const problems: string[] = [];
  const notices: string[] = [];
  const debounce = parseDebounceSetting(config.get<unknown>('completion.debounceMs'));
  if (debounce.problem) problems.push(debounce.problem);
  return {
    enabled: config.get<boolean>('enabled', SETTINGS.enabled.default),
    languages: languages(config, notices),
    suggestInComments: config.get<boolean>('suggestInComments', SETTINGS.suggestInComments.default),
    mode: config.get<string>('completion.mode') === 'manual' ? 'manual' : 'automatic',
    debounce: debounce.value,
    dismissTimeoutMs: dismissTimeout(config.get<unknown>('completion.dismissTimeoutMs'), problems),
    nodePath: config.get<string>('server.nodePath', SETTINGS['server.nodePath'].default).trim() || SETTINGS['server.nodePath'].default,
    problems,
    notices,
  };
}

export function languageEnabled(settings: ClientSideSettings, languageId: string): boolean {
  return settings.enabled && (settings.languages[languageId] ?? settings.languages['*'] ?? true);
}
