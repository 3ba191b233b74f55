import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import type { LspContext } from './lspContext';
import { SERVER_COMMANDS } from './serverCommands';
import { applyRecordingPolicy } from './settings/applyRecordingPolicy';
import { clientRegistersFileWatchers } from './workspace/fileWatchers';

const version: string = require('../../package.json').version;

/** `initialize`: remembers the workspace folders and what the client can do, and announces what the server does. */
export function onInitialize(ctx: LspContext, params: InitializeParams): InitializeResult {
  ctx.roots.setFromInitialize(params);
  ctx.pullsConfiguration = params.capabilities.workspace?.configuration === true;
  ctx.changesFolders = params.capabilities.workspace?.workspaceFolders === true;
  // Only an explicit `false` restricts: editors that know nothing of trust keep every feature.
  const options = params.initializationOptions as { trusted?: unknown } | undefined | null;
  ctx.trusted = options?.trusted !== false;
  applyRecordingPolicy(ctx);
  ctx.registersFileWatchers = clientRegistersFileWatchers(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      inlineCompletionProvider: true,
      // No trigger characters: the fallback list is asked for when the client's own completion opens.
      completionProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'arenalab', version },
  };
}
