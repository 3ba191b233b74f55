import * as path from 'node:path';
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '@arenalab/protocol';
import { LANGUAGES } from '../settings';
import type { StatusBar } from '../status/statusBar';

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
  nodePath: string;
  middleware: Middleware;
  /** The external model's key from secret storage, given to the server in its environment only. */
  llmApiKey?: string;
}

/**
 * The client for `arenalab lsp` (dist/arenalab.js) run on the configured Node over stdio. The server reads its
 * settings, the store location included, through `workspace/configuration`; only the LLM API key goes through the
 * environment (ARENALAB_LLM_API_KEY), so it is never in a settings file nor in an LSP message a trace would log.
 */
export function createLanguageClient({ context, status, log, nodePath, middleware, llmApiKey }: LanguageClientDeps): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'arenalab.js'));
  // stdio, not ipc: vscode-languageclient refuses TransportKind.ipc for a `command` executable ("Transport kind ipc
  // is not support for command executable"), found by the code-server e2e test. The client appends --stdio itself.
  const options = llmApiKey === undefined ? undefined : { env: { ...process.env, ARENALAB_LLM_API_KEY: llmApiKey } };
  const serverOptions: ServerOptions = {
    run: { command: nodePath, args: [serverModule, 'lsp'], transport: TransportKind.stdio, options },
    debug: { command: nodePath, args: ['--inspect=6009', serverModule, 'lsp'], transport: TransportKind.stdio, options },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ language })),
    // `http`: the server reads VS Code's http.proxy for the external model's calls.
    synchronize: { configurationSection: [SETTINGS_SECTION, 'http'] },
    outputChannel: log,
    errorHandler: restartingErrorHandler(status, log),
    middleware,
  };
  return new LanguageClient('arenalab', 'ArenaLab', serverOptions, clientOptions);
}
