import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '@arenalab/protocol';
import { LLM_API_KEY_SECRET, planApiKeyMigration } from './apiKeyMigration';
import type { SettingsLevel } from './apiKeyMigration';

export const SET_LLM_API_KEY_COMMAND = 'arenalab.setLlmApiKey';

const TARGETS: Record<SettingsLevel, vscode.ConfigurationTarget> = {
  global: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/** The key kept in the editor's secret storage, or undefined. */
export async function readLlmApiKey(secrets: vscode.SecretStorage): Promise<string | undefined> {
  const key = await secrets.get(LLM_API_KEY_SECRET);
  return key === undefined || key === '' ? undefined : key;
}

/** Moves a key found in `arenalab.llm.apiKey` into secret storage and removes it from every settings level. */
export async function migrateLlmApiKey(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const levels = config.inspect<unknown>('llm.apiKey') ?? {};
  const plan = planApiKeyMigration(levels, await readLlmApiKey(secrets));
  if (plan.store !== undefined) await secrets.store(LLM_API_KEY_SECRET, plan.store);
  for (const level of plan.removeFrom) {
    try {
      await config.update('llm.apiKey', undefined, TARGETS[level]);
    } catch (error) {
      log.warn(`ArenaLab: could not remove arenalab.llm.apiKey from the ${level} settings: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (plan.message !== undefined) {
    log.info(plan.message);
    void vscode.window.showInformationMessage(plan.message);
  }
}

/**
 * "ArenaLab: Set LLM API key": asks for the key (hidden as typed), keeps it in secret storage (empty removes it),
 * and restarts the server, which receives it in its environment at start.
 */
export function registerSetLlmApiKey(secrets: vscode.SecretStorage, restart: () => Promise<void>): vscode.Disposable {
  return vscode.commands.registerCommand(SET_LLM_API_KEY_COMMAND, async () => {
    const key = await vscode.window.showInputBox({
      title: 'ArenaLab: LLM API key',
      prompt: 'The key for arenalab.llm.baseUrl, kept in the editor\'s secret storage (not in settings.json). Leave empty to remove it.',
      password: true,
      ignoreFocusOut: true,
    });
    if (key === undefined) return;
    if (key.trim() === '') await secrets.delete(LLM_API_KEY_SECRET);
    else await secrets.store(LLM_API_KEY_SECRET, key.trim());
    void vscode.window.showInformationMessage(key.trim() === '' ? 'ArenaLab: LLM API key removed; restarting the server.' : 'ArenaLab: LLM API key stored in the editor\'s secret storage; restarting the server.');
    await restart();
  });
}
