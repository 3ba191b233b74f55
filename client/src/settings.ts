import * as vscode from 'vscode';

/** The languages the server indexes (grammars/) and the client asks for suggestions in. */
export const LANGUAGES: readonly string[] = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'rust', 'java',
];

export const SECTION = 'arenalab';

/** The client-side settings; the server pulls and validates its own (enable, confidenceThreshold, maxLines, excludes). */
export interface ClientSideSettings {
  enabled: boolean;
  enable: Readonly<Record<string, boolean>>;
  suggestInComments: boolean;
  debounceMs: number;
  nodePath: string;
  storeLocation: string;
}

export function readSettings(): ClientSideSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const debounce = config.get<number>('debounceMs', 75);
  return {
    enabled: config.get<boolean>('enabled', true),
    enable: config.get<Record<string, boolean>>('enable', { '*': true }),
    suggestInComments: config.get<boolean>('suggestInComments', false),
    debounceMs: Number.isFinite(debounce) && debounce >= 0 && debounce <= 2000 ? debounce : 75,
    nodePath: config.get<string>('server.nodePath', 'node').trim() || 'node',
    storeLocation: config.get<string>('store.location', '').trim(),
  };
}

export function languageEnabled(settings: ClientSideSettings, languageId: string): boolean {
  return settings.enabled && (settings.enable[languageId] ?? settings.enable['*'] ?? true);
}
