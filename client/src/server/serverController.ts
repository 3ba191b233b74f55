import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient, Middleware, NotificationType } from 'vscode-languageclient/node';
import { serverInspectPort } from './inspectPort';
import { NoSuggestionNotification, StatusNotification } from '@arenalab/protocol';
import type { NoSuggestionParams } from '@arenalab/protocol';
import { createLanguageClient } from './languageClient';
import { chooseServerRuntime, describeRuntime } from './serverRuntime';
import { readSettings } from '../settings';
import { readLlmApiKey } from '../secrets/llmApiKey';
import type { StatusBar } from '../status/statusBar';

export interface ServerControllerDeps {
  context: vscode.ExtensionContext;
  status: StatusBar;
  log: vscode.LogOutputChannel;
  middleware: Middleware;
  /** The server process went away (crash, restart, stop): every suggestion id it gave is forgotten. */
  onServerGone(): void;
  /** The server said why an explicit request gets nothing (arenalab/noSuggestion). */
  onNoSuggestion(params: NoSuggestionParams): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The language server's lifecycle: Node check, start, stop, restart, and messages only while it runs. */
export class ServerController {
  private client: LanguageClient | undefined;
  private readonly started = new vscode.EventEmitter<LanguageClient>();

  constructor(private readonly deps: ServerControllerDeps) {}

  async start(): Promise<void> {
    const { status, log } = this.deps;
    const { nodePath } = readSettings();
    const choice = await chooseServerRuntime(nodePath, { nodeVersion: process.versions.node });
    if (!choice.ok) {
      log.error(choice.problem);
      status.update({ server: 'failed', problem: choice.problem });
      const action = await vscode.window.showErrorMessage(choice.problem, 'Open Settings', 'Download Node.js');
      if (action === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'arenalab.server.nodePath');
      if (action === 'Download Node.js') void vscode.env.openExternal(vscode.Uri.parse('https://nodejs.org/'));
      return;
    }
    if (choice.note) log.warn(`ArenaLab: ${choice.note}`);
    log.info(`ArenaLab: starting the server on ${describeRuntime(choice.runtime)}`);
    status.update({ server: 'starting', problem: undefined, runtime: describeRuntime(choice.runtime) });
    // Trust is read at each start: granting it restarts the server (extension.ts), which then gets its tools back.
    const llmApiKey = await readLlmApiKey(this.deps.context.secrets);
    const client = createLanguageClient({ ...this.deps, llmApiKey, runtime: choice.runtime, trusted: vscode.workspace.isTrusted, inspectPort: inspectPortOrNone(log) });
    this.client = client;
    this.watch(client);
    try {
      await client.start();
    } catch (error) {
      const problem = `ArenaLab server did not start: ${errorText(error)}`;
      log.error(problem);
      status.update({ server: 'failed', problem });
      void vscode.window.showErrorMessage(problem, 'Show Log').then((c) => c && log.show());
    }
  }

  async stop(): Promise<void> {
    const running = this.client;
    this.client = undefined;
    this.deps.onServerGone();
    if (running) await running.stop().catch((error: unknown) => this.deps.log.warn(`ArenaLab: stopping the server: ${errorText(error)}`));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** The client, if the server is running now. */
  running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /**
   * The client once the server runs: now, or when a start in progress (activation, a restart after a crash) has
   * finished; undefined when it has not within `timeoutMs`. For requests a person made while the server was starting.
   */
  whenRunning(timeoutMs: number): Promise<LanguageClient | undefined> {
    const running = this.running();
    if (running) return Promise.resolve(running);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { subscription.dispose(); resolve(undefined); }, timeoutMs);
      const subscription = this.started.event((client) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(client);
      });
    });
  }

  /** The running client, or a warning that says what to do. */
  requireRunning(): LanguageClient | undefined {
    const running = this.running();
    if (!running) void vscode.window.showWarningMessage('ArenaLab: the server is not running. See "ArenaLab: Show log".');
    return running;
  }

  /** Sends a notification if the server runs; one that cannot be delivered is logged, never thrown at the editor. */
  notify<P>(type: NotificationType<P>, params: P): void {
    const running = this.running();
    if (!running) {
      this.deps.log.debug(`ArenaLab: ${type.method} not sent, the server is not running`);
      return;
    }
    this.deps.log.trace(`ArenaLab: ${type.method} ${JSON.stringify(params)}`);
    running.sendNotification(type.method, params).catch((error: unknown) => this.deps.log.warn(`ArenaLab: ${type.method}: ${errorText(error)}`));
  }

  private watch(client: LanguageClient): void {
    const { context, status, log } = this.deps;
    context.subscriptions.push(
      client.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) this.deps.onServerGone();
        if (newState === State.Running) {
          status.update({ server: 'running' });
          this.started.fire(client);
        }
        else if (newState === State.Stopped && status.model.server !== 'restarting' && status.model.server !== 'failed') status.update({ server: 'stopped' });
      }),
      client.onNotification(StatusNotification, (params) => {
        status.update({ index: params, server: 'running' });
        if (params.state === 'error') log.error(`ArenaLab index: ${params.message}`);
      }),
      client.onNotification(NoSuggestionNotification, (params) => this.deps.onNoSuggestion(params)),
    );
  }
}

/** The debug port a launch configuration asked for; a bad value is logged and the server starts without one. */
function inspectPortOrNone(log: vscode.LogOutputChannel): number | undefined {
  try {
    return serverInspectPort(process.env);
  } catch (error) {
    log.error(errorText(error));
    return undefined;
  }
}
