import * as path from 'node:path';
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '@arenalab/protocol';
import { DOCUMENT_SELECTOR } from '../settings';
import type { StatusBar } from '../status/statusBar';
import type { ServerRuntime } from './serverRuntime';

/** Restarts allowed in RESTART_WINDOW_MS before the client gives up and says so. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;

/** Restart on crash with a budget, shown in the status bar, instead of the library's silent default. */
export function restartingErrorHandler(status: StatusBar, log: vscode.LogOutputChannel, now: () => number = Date.now): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error, _message, count) {
      log.error(`ArenaLab server connection error (${count ?? 1}): ${error.message}`);
      return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const at = now();
      while (restarts.length > 0 && at - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const problem = `The ArenaLab server crashed ${MAX_RESTARTS} times in 3 minutes and will not be restarted. See "ArenaLab: Show log", then run "ArenaLab: Restart server".`;
        status.update({ server: 'failed', problem });
        return { action: CloseAction.DoNotRestart, message: problem };
      }
      restarts.push(at);
      log.warn(`ArenaLab server stopped unexpectedly; restarting (${restarts.length}/${MAX_RESTARTS})`);
      status.update({ server: 'restarting', problem: `Server restarted ${restarts.length}× after a crash.` });
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export interface LanguageClientDeps {
  context: vscode.ExtensionContext;
  status: StatusBar;
  log: vscode.LogOutputChannel;
  runtime: ServerRuntime;
  middleware: Middleware;
  /** `vscode.workspace.isTrusted` at start: an untrusted workspace gets no chat tools and no run recording. */
  trusted: boolean;
  /** Start the server with `--inspect` on this port (a debug session asked for it); undefined: no debug port. */
  inspectPort?: number;
  /** The external model's key from secret storage, given to the server in its environment only. */
  llmApiKey?: string;
}

/** How `arenalab lsp` (dist/arenalab.js) is started on `runtime`, over stdio; debug adds an inspector on `inspectPort`. */
export function serverOptionsFor(serverModule: string, runtime: ServerRuntime, inspectPort = 6009, llmApiKey?: string): ServerOptions {
  // Only the LLM API key goes through the environment (ARENALAB_LLM_API_KEY), so it is never in a settings file nor in
  // an LSP message a trace would log.
  const env = llmApiKey === undefined ? undefined : { ...process.env, ARENALAB_LLM_API_KEY: llmApiKey };
  if (runtime.kind === 'editor') {
    // A module with no runtime is forked on the extension host's own executable with ELECTRON_RUN_AS_NODE set by
    // vscode-languageclient; the client appends --stdio and --clientProcessId itself.
    return {
      run: { module: serverModule, args: ['lsp'], transport: TransportKind.stdio, options: { env } },
      debug: { module: serverModule, args: ['lsp'], transport: TransportKind.stdio, options: { env, execArgv: [`--inspect=${inspectPort}`] } },
    };
  }
  // stdio, not ipc: vscode-languageclient refuses TransportKind.ipc for a `command` executable ("Transport kind ipc
  // is not support for command executable"), found by the code-server e2e test. The client appends --stdio itself.
  return {
    run: { command: runtime.path, args: [serverModule, 'lsp'], transport: TransportKind.stdio, options: env === undefined ? undefined : { env } },
    debug: { command: runtime.path, args: [`--inspect=${inspectPort}`, serverModule, 'lsp'], transport: TransportKind.stdio, options: env === undefined ? undefined : { env } },
  };
}

/**
 * The client for `arenalab lsp` on the chosen runtime. The server reads its settings, the store location included,
 * through `workspace/configuration`; only the LLM API key from secret storage is passed, in the environment.
 */
export function createLanguageClient({ context, status, log, runtime, middleware, trusted, inspectPort, llmApiKey }: LanguageClientDeps): LanguageClient {
  const serverOptions = serverOptionsFor(context.asAbsolutePath(path.join('dist', 'arenalab.js')), runtime, inspectPort, llmApiKey);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    // `http`: the server reads VS Code's http.proxy for the external model's calls.
    synchronize: { configurationSection: [SETTINGS_SECTION, 'http'] },
    initializationOptions: { trusted },
    outputChannel: log,
    errorHandler: restartingErrorHandler(status, log),
    middleware,
  };
  // The library picks `debug` by itself only when the extension host runs under --inspect; forcing it on the asked
  // port makes "Attach to Server" work whatever the host was started with.
  return new LanguageClient('arenalab', 'ArenaLab', serverOptions, clientOptions, inspectPort !== undefined);
}
