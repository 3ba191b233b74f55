import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import type { Connection, DidChangeWatchedFilesParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { ExplainRequest, FeedbackNotification, ReindexRequest, TaskResultNotification } from '@arenalab/protocol';
import { guarded } from './guarded';
import { followStoreLocation } from './followStoreLocation';
import { createLspContext } from './lspContext';
import type { LspContext } from './lspContext';
import type { LspSettings } from './lspSettings';
import { onCompletion } from './onCompletion';
import { onExecuteCommand } from './onExecuteCommand';
import { onExplain } from './onExplain';
import { onFeedback } from './onFeedback';
import { onInitialize } from './onInitialize';
import { onInlineCompletion } from './onInlineCompletion';
import { onTaskResult } from './onTaskResult';
import { pullClientSettings } from './pullClientSettings';

function onWatchedFiles(ctx: LspContext, params: DidChangeWatchedFilesParams): void {
  ctx.indexer.refreshFiles(params.changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted })));
}

async function onDidChangeConfiguration(ctx: LspContext): Promise<void> {
  const excludesChanged = await pullClientSettings(ctx);
  await followStoreLocation(ctx);
  if (excludesChanged) await ctx.indexer.reindexAfterChange();
}

/**
 * Folders added or removed: the engine's keys carry the folder name once there are several folders, so every folder
 * is listed again (a removed folder's files leave the index, an added folder's join it), and the store follows the
 * first folder when no location is set.
 */
async function onWorkspaceFolders(ctx: LspContext, event: WorkspaceFoldersChangeEvent): Promise<void> {
  ctx.roots.change(event);
  ctx.connection.console.info(`workspace folders: ${ctx.roots.all.join(', ') || '(none)'}`);
  await followStoreLocation(ctx);
  await ctx.indexer.reindexAfterChange();
}

/** Reads the settings and starts indexing once the client is ready; the outcome reaches the client as arenalab/status, failures the log. */
async function onInitialized(ctx: LspContext): Promise<void> {
  // Settings first: the user's excludes decide what gets indexed.
  await pullClientSettings(ctx).catch((error: unknown) => ctx.connection.console.error(`reading the arenalab settings failed: ${String(error)}; using the defaults`));
  // The store location is a setting, so the store opens after the settings; a later change moves it.
  followStoreLocation(ctx).catch((error: unknown) => ctx.connection.console.error(`opening the outcome store failed: ${String(error)}`));
  ctx.indexer.reindex().catch((error: unknown) => ctx.connection.console.error(`indexing the workspace failed: ${String(error)}`));
  // Registered now: the library announces the server's folder support only once initialize has been answered.
  if (ctx.changesFolders) {
    ctx.connection.workspace.onDidChangeWorkspaceFolders(guarded(ctx.connection.console, 'workspace/didChangeWorkspaceFolders', undefined, (e) => onWorkspaceFolders(ctx, e)));
  }
}

/**
 * The switchboard: one line per LSP method, each handler in its own file and wrapped by `guarded`, so a failing
 * handler is logged and answers empty instead of taking the server down. Unknown methods get MethodNotFound from
 * the library itself.
 */
export function startLanguageServer(connection: Connection, settings?: LspSettings): LspContext {
  const ctx = createLspContext(connection, settings);
  const { console } = connection;
  connection.onInitialize(guarded(console, 'initialize', { capabilities: {} }, (p) => onInitialize(ctx, p)));
  connection.onInitialized(guarded(console, 'initialized', undefined, () => onInitialized(ctx)));
  connection.onDidChangeConfiguration(guarded(console, 'workspace/didChangeConfiguration', undefined, () => onDidChangeConfiguration(ctx)));
  connection.languages.inlineCompletion.on(guarded(console, 'textDocument/inlineCompletion', [], (p, t) => onInlineCompletion(ctx, p, t)));
  connection.onCompletion(guarded(console, 'textDocument/completion', [], (p, t) => onCompletion(ctx, p, t)));
  connection.onExecuteCommand(guarded(console, 'workspace/executeCommand', null, (p) => onExecuteCommand(ctx, p)));
  connection.onNotification(DidChangeWatchedFilesNotification.type, guarded(console, 'workspace/didChangeWatchedFiles', undefined, (p) => onWatchedFiles(ctx, p)));
  connection.onRequest(ExplainRequest, guarded(console, ExplainRequest.method, null, (p) => onExplain(ctx, p)));
  connection.onNotification(FeedbackNotification, guarded(console, FeedbackNotification.method, undefined, (p) => onFeedback(ctx, p)));
  connection.onNotification(TaskResultNotification, guarded(console, TaskResultNotification.method, undefined, (p) => onTaskResult(ctx, p)));
  connection.onRequest(ReindexRequest, guarded(console, ReindexRequest.method, { files: 0, windows: 0 }, () => ctx.indexer.reindex()));
  ctx.documents.onDidOpen(guarded(console, 'textDocument/didOpen', undefined, (e) => ctx.sync.opened(e.document)));
  ctx.documents.onDidChangeContent(guarded(console, 'textDocument/didChange', undefined, (e) => ctx.sync.changed(e.document)));
  ctx.documents.onDidClose(guarded(console, 'textDocument/didClose', undefined, (e) => {
    ctx.sync.closed(e.document);
    ctx.indexer.refreshFiles([{ uri: e.document.uri, deleted: false }]);
  }));
  // Shutdown answers only once every reported outcome is durable and the store lock is released.
  connection.onShutdown(async () => {
    ctx.sync.dispose();
    ctx.retention.dispose();
    await ctx.outcomes.close();
  });
  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
