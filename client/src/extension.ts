import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ExplainRequest, FeedbackNotification, ReindexRequest, StatusNotification } from '@arenalab/protocol';
import { inComment } from './commentFilter';
import { showExplanation } from './explain';
import { checkNode } from './nodeRuntime';
import { languageEnabled, LANGUAGES, readSettings, SECTION } from './settings';
import { MENU_COMMAND, StatusBar } from './statusBar';

export const COMMANDS = {
  explain: 'arenalab.explainSuggestion',
  indexWorkspace: 'arenalab.indexWorkspace',
  toggle: 'arenalab.toggle',
  showLog: 'arenalab.showLog',
  restart: 'arenalab.restartServer',
  menu: MENU_COMMAND,
} as const;

/** Restarts allowed in RESTART_WINDOW_MS before the client gives up and says so. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;
let lastSuggestionId: string | undefined;

function sleep(ms: number, token: vscode.CancellationToken): Promise<boolean> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve(!token.isCancellationRequested);
    const timer = setTimeout(() => { sub.dispose(); resolve(!token.isCancellationRequested); }, ms);
    const sub = token.onCancellationRequested(() => { clearTimeout(timer); sub.dispose(); resolve(false); });
  });
}

function suggestionIdOf(item: vscode.InlineCompletionItem | undefined): string | undefined {
  const id = item?.command?.arguments?.[0];
  return typeof id === 'string' ? id : undefined;
}

/** Restart on crash with a budget, shown in the status bar, instead of the library's silent default. */
function restartingErrorHandler(status: StatusBar, log: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error, _message, count) {
      log.error(`ArenaLab server connection error (${count ?? 1}): ${error.message}`);
      return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const problem = `The ArenaLab server crashed ${MAX_RESTARTS} times in 3 minutes and will not be restarted. See "ArenaLab: Show log", then run "ArenaLab: Restart server".`;
        status.update({ server: 'failed', problem });
        return { action: CloseAction.DoNotRestart, message: problem };
      }
      restarts.push(now);
      log.warn(`ArenaLab server stopped unexpectedly; restarting (${restarts.length}/${MAX_RESTARTS})`);
      status.update({ server: 'restarting', problem: `Server restarted ${restarts.length}× after a crash.` });
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

function createClient(context: vscode.ExtensionContext, status: StatusBar, log: vscode.LogOutputChannel, nodePath: string): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'arenalab.js'));
  const settings = readSettings();
  const env = { ...process.env, ...(settings.storeLocation ? { ARENALAB_STORE: settings.storeLocation } : {}) };
  // stdio, not ipc: vscode-languageclient refuses TransportKind.ipc for a `command` executable ("Transport kind ipc
  // is not support for command executable"), found by the code-server e2e test. The client appends --stdio itself.
  const serverOptions: ServerOptions = {
    run: { command: nodePath, args: [serverModule, 'lsp'], transport: TransportKind.stdio, options: { env } },
    debug: { command: nodePath, args: ['--inspect=6009', serverModule, 'lsp'], transport: TransportKind.stdio, options: { env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: SECTION },
    outputChannel: log,
    errorHandler: restartingErrorHandler(status, log),
    middleware: {
      async provideInlineCompletionItems(document, position, context, token, next) {
        const current = readSettings();
        if (!languageEnabled(current, document.languageId)) return null;
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        if (!current.suggestInComments && inComment(document.languageId, prefix)) return null;
        // Explicit requests (Alt+\) skip the debounce; typing waits until it pauses.
        if (context.triggerKind === vscode.InlineCompletionTriggerKind.Automatic && !(await sleep(current.debounceMs, token))) return null;
        const started = Date.now();
        const result = await next(document, position, context, token);
        const items = Array.isArray(result) ? result : result?.items ?? [];
        status.update({ lastLatencyMs: Date.now() - started });
        const id = suggestionIdOf(items[0]);
        if (id !== undefined && client) {
          lastSuggestionId = id;
          void client.sendNotification(FeedbackNotification, { suggestionId: id, outcome: 'shown' });
          client.sendRequest(ExplainRequest, { suggestionId: id }).then(
            (explained) => { if (explained) status.update({ lastConfidence: explained.confidence }); },
            () => undefined,
          );
        }
        return result;
      },
    },
  };
  const created = new LanguageClient('arenalab', 'ArenaLab', serverOptions, clientOptions);
  context.subscriptions.push(
    created.onDidChangeState(({ newState }) => {
      if (newState === State.Running) status.update({ server: 'running' });
      else if (newState === State.Stopped && status.model.server !== 'restarting' && status.model.server !== 'failed') status.update({ server: 'stopped' });
    }),
    created.onNotification(StatusNotification, (params) => {
      status.update({ index: params, server: 'running' });
      if (params.state === 'error') log.error(`ArenaLab index: ${params.message}`);
    }),
  );
  return created;
}

async function startServer(context: vscode.ExtensionContext, status: StatusBar, log: vscode.LogOutputChannel): Promise<void> {
  const { nodePath } = readSettings();
  const node = checkNode(nodePath);
  if (!node.ok) {
    log.error(node.problem);
    status.update({ server: 'failed', problem: node.problem });
    const choice = await vscode.window.showErrorMessage(node.problem, 'Open Settings', 'Download Node.js');
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'arenalab.server.nodePath');
    if (choice === 'Download Node.js') void vscode.env.openExternal(vscode.Uri.parse('https://nodejs.org/'));
    return;
  }
  log.info(`ArenaLab: starting the server with ${nodePath} ${node.version}`);
  status.update({ server: 'starting', problem: undefined });
  client = createClient(context, status, log, nodePath);
  try {
    await client.start();
  } catch (error) {
    const problem = `ArenaLab server did not start: ${error instanceof Error ? error.message : String(error)}`;
    log.error(problem);
    status.update({ server: 'failed', problem });
    void vscode.window.showErrorMessage(problem, 'Show Log').then((c) => c && log.show());
  }
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
}

function requireClient(): LanguageClient | undefined {
  if (client?.state === State.Running) return client;
  void vscode.window.showWarningMessage('ArenaLab: the server is not running. See "ArenaLab: Show log".');
  return undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('ArenaLab', { log: true });
  const creature = vscode.workspace.workspaceFolders?.[0]?.name ?? 'ArenaLab';
  const status = new StatusBar(creature);
  status.update({ enabled: readSettings().enabled });
  context.subscriptions.push(log, status);

  const explain = async (): Promise<void> => {
    const running = requireClient();
    if (!running) return;
    if (!lastSuggestionId) {
      void vscode.window.showInformationMessage('ArenaLab: no suggestion has been shown yet.');
      return;
    }
    const result = await running.sendRequest(ExplainRequest, { suggestionId: lastSuggestionId });
    if (!result) {
      void vscode.window.showInformationMessage('ArenaLab: the server no longer remembers the last suggestion.');
      return;
    }
    await showExplanation(result);
  };
  const indexWorkspace = async (): Promise<void> => {
    const running = requireClient();
    if (!running) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'ArenaLab: indexing workspace' },
      () => running.sendRequest(ReindexRequest),
    );
    void vscode.window.showInformationMessage(`ArenaLab: indexed ${result.files} files (${result.windows} windows).`);
  };
  const toggle = async (): Promise<void> => {
    const enabled = !readSettings().enabled;
    await vscode.workspace.getConfiguration(SECTION).update('enabled', enabled, vscode.ConfigurationTarget.Global);
    status.update({ enabled });
  };
  const restart = async (): Promise<void> => {
    await stopServer();
    await startServer(context, status, log);
  };
  const menu = async (): Promise<void> => {
    const enabled = readSettings().enabled;
    const items: (vscode.QuickPickItem & { run: () => unknown })[] = [
      { label: enabled ? '$(circle-slash) Turn suggestions off' : '$(check) Turn suggestions on', run: toggle },
      { label: '$(database) Index workspace', run: indexWorkspace },
      { label: '$(output) Show log', run: () => log.show() },
      { label: '$(lightbulb) Explain last suggestion', run: explain },
      { label: '$(debug-restart) Restart server', run: restart },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'ArenaLab' });
    await picked?.run();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.explain, explain),
    vscode.commands.registerCommand(COMMANDS.indexWorkspace, indexWorkspace),
    vscode.commands.registerCommand(COMMANDS.toggle, toggle),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.restart, restart),
    vscode.commands.registerCommand(COMMANDS.menu, menu),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.enabled`)) status.update({ enabled: readSettings().enabled });
      if (event.affectsConfiguration(`${SECTION}.server.nodePath`) || event.affectsConfiguration(`${SECTION}.store.location`)) void restart();
    }),
  );
  await startServer(context, status, log);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
