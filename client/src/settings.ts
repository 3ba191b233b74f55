import * as vscode from 'vscode';
import { parseDebounceSetting } from './adaptiveDebounce';
import type { DebounceSetting } from './adaptiveDebounce';

/** The languages the server indexes (grammars/) and the client asks for suggestions in. */
export const LANGUAGES: readonly string[] = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'rust', 'java',
];

export const SECTION = 'arenalab';

export const DEFAULT_DISMISS_TIMEOUT_MS = 15_000;
const MIN_DISMISS_TIMEOUT_MS = 1000;
const MAX_DISMISS_TIMEOUT_MS = 600_000;

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
  if (raw === undefined) return DEFAULT_DISMISS_TIMEOUT_MS;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= MIN_DISMISS_TIMEOUT_MS && raw <= MAX_DISMISS_TIMEOUT_MS) return Math.round(raw);
  problems.push(`arenalab.completion.dismissTimeoutMs: expected milliseconds from ${MIN_DISMISS_TIMEOUT_MS} to ${MAX_DISMISS_TIMEOUT_MS}, got ${JSON.stringify(raw)}; using ${DEFAULT_DISMISS_TIMEOUT_MS}`);
  return DEFAULT_DISMISS_TIMEOUT_MS;
}

export function readSettings(): ClientSideSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];
  const debounce = parseDebounceSetting(config.get<unknown>('completion.debounceMs'));
  if (debounce.problem) problems.push(debounce.problem);
  return {
    enabled: config.get<boolean>('enabled', true),
    enable: config.get<Record<string, boolean>>('enable', { '*': true }),
    suggestInComments: config.get<boolean>('suggestInComments', false),
    debounce: debounce.value,
    dismissTimeoutMs: dismissTimeout(config.get<unknown>('completion.dismissTimeoutMs'), problems),
    nodePath: config.get<string>('server.nodePath', 'node').trim() || 'node',
    problems,
  };
}

export function languageEnabled(settings: ClientSideSettings, languageId: string): boolean {
  return settings.enabled && (settings.enable[languageId] ?? settings.enable['*'] ?? true);
}
