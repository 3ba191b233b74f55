/** Where VS Code keeps the external model's API key: the editor's secret storage, under this name. */
export const LLM_API_KEY_SECRET = 'arenalab.llm.apiKey';

/** A settings level `arenalab.llm.apiKey` can be written at (user, workspace, folder). */
export type SettingsLevel = 'global' | 'workspace' | 'workspaceFolder';

/** What `inspect('llm.apiKey')` reports, per level. */
export interface ApiKeyLevels {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** What to do about a key found in settings: store it as the secret (unless one is kept already), remove it, say so. */
export interface ApiKeyMigration {
  /** The key to put into secret storage; undefined when nothing is to be stored. */
  store?: string;
  /** The levels to remove `arenalab.llm.apiKey` from. */
  removeFrom: SettingsLevel[];
  /** What to tell the developer (never the key itself). */
  message?: string;
}

const LEVEL_NAMES: Record<SettingsLevel, string> = { global: 'user settings', workspace: 'workspace settings', workspaceFolder: 'folder settings' };

/**
 * Moving `arenalab.llm.apiKey` out of settings.json: every level that holds a value is cleared; the most specific
 * non-empty value becomes the secret, unless secret storage already holds a key (set with the command, which is the
 * newer choice), in which case the settings' copy is only removed.
 */
export function planApiKeyMigration(levels: ApiKeyLevels, storedKey: string | undefined): ApiKeyMigration {
  const found = (['workspaceFolder', 'workspace', 'global'] as const).filter((level) => levels[`${level}Value`] !== undefined);
  if (found.length === 0) return { removeFrom: [] };
  const values = found.map((level) => levels[`${level}Value`]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const where = found.map((level) => LEVEL_NAMES[level]).join(' and ');
  if (values.length === 0) return { removeFrom: found };
  if (storedKey !== undefined && storedKey !== '') {
    return { removeFrom: found, message: `ArenaLab: removed arenalab.llm.apiKey from your ${where}; the key already kept in the editor's secret storage is used.` };
  }
  return {
    store: values[0].trim(),
    removeFrom: found,
    message: `ArenaLab: moved the LLM API key from your ${where} (arenalab.llm.apiKey) into the editor's secret storage; settings.json no longer holds it. "ArenaLab: Set LLM API key" changes it.`,
  };
}
