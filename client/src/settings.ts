import * as vscode from 'vscode';
import { boundsText, SETTINGS, SETTINGS_SECTION, withinBounds } from '@arenalab/protocol';
import { parseDebounceSetting } from './completion/adaptiveDebounce';
import type { DebounceSetting } from './completion/adaptiveDebounce';

/** The languages the server indexes (grammars/) and the client asks for suggestions in. */
export const LANGUAGES: readonly string[] = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'rust', 'java',
];

const DISMISS_TIMEOUT = SETTINGS['completion.dismissTimeoutMs'];

/**
 * The client-side settings; the server pulls and validates its own (enable, confidenceThreshold, maxLines, excludes,
 * store.location).
 */
export interface ClientSideSettings {
  enabled: boolean;
  enable: Readonly<Record<string, boolean>>;
  suggestInComments: boolean;
  debounce: DebounceSetting;
  dismissTimeoutMs: number;
  nodePath: string;
  /** One line per setting that was wrong and replaced by its default. */
  problems: string[];
}

function dismissTimeout(raw: unknown, problems: string[]): number {
  if (raw === undefined) return DISMISS_TIMEOUT.default;
  if (withinBounds(raw, DISMISS_TIMEOUT)) return Math.round(raw);
  problems.push(`arenalab.completion.dismissTimeoutMs: expected milliseconds ${boundsText(DISMISS_TIMEOUT)}, got ${JSON.stringify(raw)}; using ${DISMISS_TIMEOUT.default}`);
  return DISMISS_TIMEOUT.default;
}

export function readSettings(): ClientSideSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const problems: string[] = [];
  const debounce = parseDebounceSetting(config.get<unknown>('completion.debounceMs'));
  if (debounce.problem) problems.push(debounce.problem);
  return {
    enabled: config.get<boolean>('enabled', SETTINGS.enabled.default),
    enable: config.get<Readonly<Record<string, boolean>>>('enable', SETTINGS.enable.default),
    suggestInComments: config.get<boolean>('suggestInComments', SETTINGS.suggestInComments.default),
    debounce: debounce.value,
    dismissTimeoutMs: dismissTimeout(config.get<unknown>('completion.dismissTimeoutMs'), problems),
    nodePath: config.get<string>('server.nodePath', SETTINGS['server.nodePath'].default).trim() || SETTINGS['server.nodePath'].default,
    problems,
  };
}

export function languageEnabled(settings: ClientSideSettings, languageId: string): boolean {
  return settings.enabled && (settings.enable[languageId] ?? settings.enable['*'] ?? true);
}
