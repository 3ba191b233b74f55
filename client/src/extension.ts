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
import { clockTime, Snooze } from './status/snooze';
import { NoSuggestionInbox } from './completion/noSuggestionInbox';
import { migrateLlmApiKey, registerSetLlmApiKey } from './secrets/llmApiKey';

export { COMMANDS } from './status/registerCommands';

let server: ServerController | undefined;

/** Settings notices (a renamed setting read under its old name) already logged in this window. */
const noticesLogged = new Set<string>();

function logSettingProblems(log: vscode.LogOutputChannel): void {
  const { problems, notices } = readSettings();
  for (const problem of problems) {
    log.warn(problem);
    void vscode.window.showWarningMessage(`ArenaLab: ${problem}`);
  }
  for (const notice of notices.filter((line) => !noticesLogged.has(line))) {
    noticesLogged.add(notice);
    log.info(notice);
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
  status.update({ enabled: settings.enabled, manual: settings.mode === 'manual' });
  logSettingProblems(log);
  const explainPanel = new ExplainPanel();
  const snooze = new Snooze({
    now: Date.now,
    timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    onChange: (until) => status.update({ snoozedUntil: until === undefined ? undefined : clockTime(until), noSuggestion: undefined }),
  });
  const reasons = new NoSuggestionInbox();
  context.subscriptions.push(log, status, explainPanel, snooze);

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
  const middleware = { provideInlineCompletionItems: inlineCompletionMiddleware({
    status, tracker, debounce, onDisplayed, now: Date.now,
    snoozedUntil: () => { const until = snooze.until; return until === undefined ? undefined : clockTime(until); },
    takeServerReason: (uri, position) => reasons.take(uri, position),
  }) };
  const controller = new ServerController({ context, status, log, middleware, onServerGone: () => tracker.reset(), onNoSuggestion: (params) => reasons.receive(params) });
  server = controller;

  context.subscriptions.push(
    ...registerCommands({ server: controller, status, log, tracker, explainPanel, snooze, lastSuggestionId: () => lastSuggestionId }),
    ...trackSuggestionOutcomes(tracker, debounce, Date.now),
    ...registerCuration(controller, log),
    ...registerDatasetsView(controller, log),
    ...registerWeakAreasView(controller, log),
    registerForgetFileCommand(controller),
    registerSetLlmApiKey(context.secrets, () => controller.restart()),
    ...trackRunResults(new RunTracker(Date.now), (result) => controller.notify(TaskResultNotification, result), log),
    ...registerChatWithSpans(controller, log),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const current = readSettings();
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.enabled`)) status.update({ enabled: current.enabled });
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.completion.mode`)) status.update({ manual: current.mode === 'manual' });
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.languages`) || event.affectsConfiguration(`${SETTINGS_SECTION}.enable`)) logSettingProblems(log);
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
  // Before the server starts, so it gets the key from secret storage and settings.json no longer holds it.
  await migrateLlmApiKey(context.secrets, log).catch((error: unknown) => log.warn(`ArenaLab: moving the LLM API key into secret storage failed: ${String(error)}`));
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
