import * as vscode from 'vscode';
import { ExplainRequest, FeedbackNotification, SETTINGS_SECTION, TaskResultNotification } from '@arenalab/protocol';
import { AdaptiveDebounce } from './completion/adaptiveDebounce';
import { registerChatView } from './chat/chatViewProvider';
import { ExplainPanel } from './explain/explainPanel';
import { inlineCompletionMiddleware } from './completion/inlineCompletionMiddleware';
import { registerCommands } from './status/registerCommands';
import { registerCuration } from './curation/registerCuration';
import { registerDatasetsView } from './datasets/datasetsView';
import { registerWeakAreasView } from './weakAreas/weakAreasView';
import { registerForgetFileCommand } from './forget/forgetFileCommand';
import { RunTracker } from './runs/runTracker';
import { ServerController } from './server/serverController';
import { readSettings } from './settings';
import { SpanDocuments } from './chat/spanDocuments';
import { StatusBar } from './status/statusBar';
import { SuggestionTracker } from './completion/suggestionTracker';
import { setSuggestionActiveContext, trackSuggestionOutcomes } from './completion/trackSuggestionOutcomes';
import { trackRunResults } from './runs/trackRunResults';

export { COMMANDS } from './status/registerCommands';

let server: ServerController | undefined;

function logSettingProblems(log: vscode.LogOutputChannel): void {
  for (const problem of readSettings().problems) {
    log.warn(problem);
    void vscode.window.showWarningMessage(`ArenaLab: ${problem}`);
  }
}

/** The chat view and the read-only span documents its sources open. */
function registerChatWithSpans(controller: ServerController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const spans = new SpanDocuments();
  return [spans, ...registerChatView({ server: controller, log, spans })];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('ArenaLab', { log: true });
  const creature = vscode.workspace.workspaceFolders?.[0]?.name ?? 'ArenaLab';
  const status = new StatusBar(creature);
  const settings = readSettings();
  status.update({ enabled: settings.enabled });
  logSettingProblems(log);
  const explainPanel = new ExplainPanel();
  context.subscriptions.push(log, status, explainPanel);

  let lastSuggestionId: string | undefined;
  const tracker = new SuggestionTracker({
    report: (params) => server?.notify(FeedbackNotification, params),
    timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    dismissTimeoutMs: settings.dismissTimeoutMs,
    onActiveChange: setSuggestionActiveContext,
  });
  const debounce = new AdaptiveDebounce();
  const onDisplayed = (id: string): void => {
    if (id === lastSuggestionId) return;
    lastSuggestionId = id;
    server?.running()?.sendRequest(ExplainRequest, { suggestionId: id }).then(
      (explained) => { if (explained) status.update({ lastConfidence: explained.confidence }); },
      (error: unknown) => log.debug(`ArenaLab: confidence of ${id}: ${String(error)}`),
    );
  };
  const middleware = { provideInlineCompletionItems: inlineCompletionMiddleware({ status, tracker, debounce, onDisplayed, now: Date.now }) };
  const controller = new ServerController({ context, status, log, middleware, onServerGone: () => tracker.reset() });
  server = controller;

  context.subscriptions.push(
    ...registerCommands({ server: controller, status, log, tracker, explainPanel, lastSuggestionId: () => lastSuggestionId }),
    ...trackSuggestionOutcomes(tracker, debounce, Date.now),
    ...registerCuration(controller, log),
    ...registerDatasetsView(controller, log),
    ...registerWeakAreasView(controller, log),
    registerForgetFileCommand(controller),
    ...trackRunResults(new RunTracker(Date.now), (result) => controller.notify(TaskResultNotification, result), log),
    ...registerChatWithSpans(controller, log),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const current = readSettings();
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.enabled`)) status.update({ enabled: current.enabled });
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.completion`)) {
        tracker.setDismissTimeout(current.dismissTimeoutMs);
        logSettingProblems(log);
      }
      // The store location is read by the server itself (workspace/configuration), which reopens the store.
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.server.nodePath`)) void controller.restart();
    }),
    // Restricted Mode ends: the server is started again with the tools and run recording on.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void controller.restart()),
  );
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
