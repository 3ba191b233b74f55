import * as vscode from 'vscode';
import { ExplainRequest, ReindexRequest, SETTINGS_SECTION } from '@arenalab/protocol';
import { OPEN_SOURCE_COMMAND } from '../explain/explainHtml';
import { openSource } from '../explain/explainPanel';
import type { ExplainPanel } from '../explain/explainPanel';
import { ACCEPT_COMMAND } from '../completion/inlineCompletionMiddleware';
import type { ServerController } from '../server/serverController';
import { readSettings } from '../settings';
import { MENU_COMMAND } from './statusBar';
import type { StatusBar } from './statusBar';
import type { SuggestionTracker } from '../completion/suggestionTracker';
import { clockTime, SNOOZE_MINUTES } from './snooze';
import type { Snooze } from './snooze';

export const COMMANDS = {
  explain: 'arenalab.explainSuggestion',
  indexWorkspace: 'arenalab.indexWorkspace',
  toggle: 'arenalab.toggle',
  showLog: 'arenalab.showLog',
  restart: 'arenalab.restartServer',
  menu: MENU_COMMAND,
  openSource: OPEN_SOURCE_COMMAND,
  accept: ACCEPT_COMMAND,
  snooze: 'arenalab.snooze',
  resume: 'arenalab.resumeSuggestions',
  toggleManualMode: 'arenalab.toggleManualMode',
} as const;

export interface CommandDeps {
  server: ServerController;
  status: StatusBar;
  log: vscode.LogOutputChannel;
  tracker: SuggestionTracker;
  explainPanel: ExplainPanel;
  snooze: Snooze;
  /** The suggestion the developer saw last. */
  lastSuggestionId(): string | undefined;
}

/** The `ArenaLab:` commands, the status bar menu, and the hidden commands items and links run. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { server, status, log } = deps;
  const explain = async (): Promise<void> => {
    const running = server.requireRunning();
    if (!running) return;
    const id = deps.lastSuggestionId();
    if (!id) {
      void vscode.window.showInformationMessage('ArenaLab: no suggestion has been shown yet.');
      return;
    }
    const result = await running.sendRequest(ExplainRequest, { suggestionId: id });
    if (!result) {
      void vscode.window.showInformationMessage('ArenaLab: the server no longer remembers the last suggestion.');
      return;
    }
    deps.explainPanel.show(result);
  };
  const indexWorkspace = async (): Promise<void> => {
    const running = server.requireRunning();
    if (!running) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'ArenaLab: indexing workspace' },
      () => running.sendRequest(ReindexRequest),
    );
    void vscode.window.showInformationMessage(`ArenaLab: indexed ${result.files} files (${result.windows} windows).`);
  };
  const toggle = async (): Promise<void> => {
    const enabled = !readSettings().enabled;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('enabled', enabled, vscode.ConfigurationTarget.Global);
    status.update({ enabled });
  };
  const restart = () => server.restart();
  const snoozeFor = async (): Promise<void> => {
    const until = deps.snooze.until;
    const items: (vscode.QuickPickItem & { minutes?: number })[] = SNOOZE_MINUTES.map((minutes) => ({ label: `$(bell-slash) ${minutes} minutes`, minutes }));
    if (until !== undefined) items.push({ label: '$(bell) Resume now', description: `snoozed until ${clockTime(until)}` });
    const picked = await vscode.window.showQuickPick(items, { title: 'ArenaLab: snooze suggestions for' });
    if (picked === undefined) return;
    if (picked.minutes === undefined) deps.snooze.resume();
    else deps.snooze.snoozeFor(picked.minutes);
  };
  const toggleManualMode = async (): Promise<void> => {
    const mode = readSettings().mode === 'manual' ? 'automatic' : 'manual';
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('completion.mode', mode, vscode.ConfigurationTarget.Global);
    status.update({ manual: mode === 'manual' });
  };
  const menu = async (): Promise<void> => {
    const { enabled, mode } = readSettings();
    const snoozedUntil = deps.snooze.until;
    const items: (vscode.QuickPickItem & { run: () => unknown })[] = [
      { label: enabled ? '$(circle-slash) Turn suggestions off' : '$(check) Turn suggestions on', run: toggle },
      snoozedUntil === undefined
        ? { label: '$(bell-slash) Snooze suggestions…', description: '5, 15 or 60 minutes', run: snoozeFor }
        : { label: '$(bell) Resume suggestions', description: `snoozed until ${clockTime(snoozedUntil)}`, run: () => deps.snooze.resume() },
      { label: mode === 'manual' ? '$(zap) Suggest while typing' : '$(keyboard) Suggest only when asked (Alt+\\)', run: toggleManualMode },
      { label: '$(database) Index workspace', run: indexWorkspace },
      { label: '$(output) Show log', run: () => log.show() },
      { label: '$(lightbulb) Explain last suggestion', run: explain },
      { label: '$(debug-restart) Restart server', run: restart },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'ArenaLab' });
    await picked?.run();
  };
  return [
    vscode.commands.registerCommand(COMMANDS.explain, explain),
    vscode.commands.registerCommand(COMMANDS.indexWorkspace, indexWorkspace),
    vscode.commands.registerCommand(COMMANDS.toggle, toggle),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.restart, restart),
    vscode.commands.registerCommand(COMMANDS.menu, menu),
    vscode.commands.registerCommand(COMMANDS.snooze, snoozeFor),
    vscode.commands.registerCommand(COMMANDS.resume, () => deps.snooze.resume()),
    vscode.commands.registerCommand(COMMANDS.toggleManualMode, toggleManualMode),
    vscode.commands.registerCommand(COMMANDS.openSource, openSource),
    vscode.commands.registerCommand(COMMANDS.accept, (id: unknown) => {
      if (typeof id === 'string') deps.tracker.accepted(id);
    }),
  ];
}
