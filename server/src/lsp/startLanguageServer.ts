import { DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, ResponseError } from 'vscode-languageserver/node';
import type { Connection, DidChangeWatchedFilesParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { ChatFeedbackNotification, ChatRequest, ExplainRequest, FeedbackNotification, ReindexRequest, TaskResultNotification } from '@arenalab/protocol';
import { CurationQueueRequest, CurationRescoreRequest, CurationVerdictRequest, DatasetActionRequest, DatasetsRequest } from '@arenalab/protocol';
import { ForgetRequest, GapsRequest } from '@arenalab/protocol';
import type { CurationRescoreParams, CurationRescoreResult, CurationVerdictParams, CurationVerdictResult } from '@arenalab/protocol';
import { guarded } from './guarded';
import { chatDeps, chatFeedbackDeps, curationQueueDeps, datasetActionDeps, executeCommandDeps, feedbackDeps, forgetDeps, gapsDeps, taskResultDeps } from './handlerDeps';
import { followStoreLocation } from './workspace/followStoreLocation';
import { registerFileWatchers } from './workspace/fileWatchers';
import { createLspContext } from './lspContext';
import type { LspContext } from './lspContext';
import type { LspSettings } from './settings/lspSettings';
import { onChat } from './chat/onChat';
import { onChatFeedback } from './chat/onChatFeedback';
import { onCompletion } from './completion/onCompletion';
import { onCurationQueue } from './curation/onCurationQueue';
import { onCurationRescore } from './curation/onCurationRescore';
import { onCurationVerdict } from './curation/onCurationVerdict';
import { onDatasetAction } from './curation/onDatasetAction';
import { onDatasets } from './curation/onDatasets';
import { onGaps } from './gaps/onGaps';
import { onExecuteCommand } from './onExecuteCommand';
import { onExplain } from './completion/onExplain';
import { onFeedback } from './feedback/onFeedback';
import { onForget } from './learning/onForget';
import { onInitialize } from './onInitialize';
import { onInlineCompletion } from './completion/onInlineCompletion';
import { onTaskResult } from './feedback/onTaskResult';
import { pullClientSettings } from './settings/pullClientSettings';

// What a curation or dataset request answers when it failed unexpectedly (or was cancelled); the log has the detail.
const SEE_LOG = 'failed or was cancelled; the ArenaLab server log has the detail';
const ACTION_FAILED = { ok: false as const, action: 'unknown', code: 'FAILED', reason: `the dataset action ${SEE_LOG}` };
const QUEUE_FAILED = { items: [], remaining: 0, score: { xp: 0, streak: 0, bestStreak: 0, judged: 0, agreed: 0, level: 1 }, timeLimitMs: 5000, problem: `reading the curation queue ${SEE_LOG}` };
const failed = (): { ok: false; reason: string } => ({ ok: false, reason: `the request ${SEE_LOG}` });

function onWatchedFiles(ctx: LspContext, params: DidChangeWatchedFilesParams): void {
  ctx.fileChanges.add(params.changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted })));
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

/** What a chat request that failed unexpectedly answers: an error the client shows, never an empty "answer". */
const chatFailed = () => new ResponseError<void>(ErrorCodes.InternalError, 'arenalab/chat failed; the ArenaLab log has the details');

/** Reads the settings and starts indexing once the client is ready; the outcome reaches the client as arenalab/status, failures the log. */
async function onInitialized(ctx: LspContext): Promise<void> {
  // Settings first: the user's excludes decide what gets indexed.
  await pullClientSettings(ctx).catch((error: unknown) => ctx.connection.console.error(`reading the arenalab settings failed: ${String(error)}; using the defaults`));
  // The store location is a setting, so the store opens after the settings; a later change moves it.
  followStoreLocation(ctx).catch((error: unknown) => ctx.connection.console.error(`opening the outcome store failed: ${String(error)}`));
  // Asked for before indexing starts, so the client watches as early as it can.
  void registerFileWatchers(ctx.connection, ctx.registersFileWatchers);
  ctx.indexer.reindex().catch((error: unknown) => ctx.connection.console.error(`indexing the workspace failed: ${String(error)}`));
  // Registered now: the library announces the server's folder support only once initialize has been answered.
  if (ctx.changesFolders) {
    ctx.connection.workspace.onDidChangeWorkspaceFolders(guarded(ctx.connection.console, 'workspace/didChangeWorkspaceFolders', undefined, (e) => onWorkspaceFolders(ctx, e)));
  }
}

/**
 * The switchboard: one line per LSP method, each handler in its own file and wrapped by `guarded`, so a failing
 * handler is logged and answers empty instead of taking the server down. Unknown methods get MethodNotFound from
 * the library itself. A handler gets the few dependencies it uses, picked from the context when its request arrives
 * (`handlerDeps`); initialize, the completion path and the settings and folder changes read or replace much of the
 * context, so they get all of it.
 */
export function startLanguageServer(connection: Connection, settings?: LspSettings): LspContext {
  const ctx = createLspContext(connection, settings);
  const { console } = connection;
  connection.onInitialize(guarded(console, 'initialize', { capabilities: {} }, (p) => onInitialize(ctx, p)));
  connection.onInitialized(guarded(console, 'initialized', undefined, () => onInitialized(ctx)));
  connection.onDidChangeConfiguration(guarded(console, 'workspace/didChangeConfiguration', undefined, () => onDidChangeConfiguration(ctx)));
  connection.languages.inlineCompletion.on(guarded(console, 'textDocument/inlineCompletion', [], (p, t) => onInlineCompletion(ctx, p, t)));
  connection.onCompletion(guarded(console, 'textDocument/completion', [], (p, t) => onCompletion(ctx, p, t)));
  connection.onExecuteCommand(guarded(console, 'workspace/executeCommand', null, (p) => onExecuteCommand(executeCommandDeps(ctx), p)));
  connection.onNotification(DidChangeWatchedFilesNotification.type, guarded(console, 'workspace/didChangeWatchedFiles', undefined, (p) => onWatchedFiles(ctx, p)));
  connection.onRequest(ExplainRequest, guarded(console, ExplainRequest.method, null, (p) => onExplain(ctx.suggestions, p)));
  connection.onNotification(FeedbackNotification, guarded(console, FeedbackNotification.method, undefined, (p) => onFeedback(feedbackDeps(ctx), p)));
  connection.onNotification(TaskResultNotification, guarded(console, TaskResultNotification.method, undefined, (p) => onTaskResult(taskResultDeps(ctx), p)));
  connection.onRequest(ChatRequest, guarded(console, ChatRequest.method, chatFailed(), (p, t) => onChat(chatDeps(ctx), p, t)));
  connection.onNotification(ChatFeedbackNotification, guarded(console, ChatFeedbackNotification.method, undefined, (p) => onChatFeedback(chatFeedbackDeps(ctx), p)));
  connection.onRequest(ReindexRequest, guarded(console, ReindexRequest.method, { files: 0, windows: 0 }, () => ctx.indexer.reindex()));
  connection.onRequest(GapsRequest, guarded(console, GapsRequest.method, { observations: { next_line_cases: 0, logged_suggestions: 0 }, areas: [] }, (p, t) => onGaps(gapsDeps(ctx), p, t)));
  connection.onRequest(ForgetRequest, guarded(console, ForgetRequest.method, { outcomes: [], sources: 0 }, (p) => onForget(forgetDeps(ctx), p)));
  connection.onRequest(DatasetsRequest, guarded(console, DatasetsRequest.method, { datasets: [] }, () => onDatasets(ctx.store.dir)));
  connection.onRequest(DatasetActionRequest, guarded(console, DatasetActionRequest.method, ACTION_FAILED, (p, t) => onDatasetAction(datasetActionDeps(ctx), p, t)));
  connection.onRequest(CurationQueueRequest, guarded(console, CurationQueueRequest.method, QUEUE_FAILED, (p, t) => onCurationQueue(curationQueueDeps(ctx), p, t)));
  connection.onRequest(CurationVerdictRequest, guarded<CurationVerdictParams, CurationVerdictResult>(console, CurationVerdictRequest.method, failed(), (p) => onCurationVerdict(ctx.curation, p)));
  connection.onRequest(CurationRescoreRequest, guarded<CurationRescoreParams, CurationRescoreResult>(console, CurationRescoreRequest.method, failed(), (p) => onCurationRescore(ctx.curation, p)));
  ctx.documents.onDidOpen(guarded(console, 'textDocument/didOpen', undefined, (e) => ctx.sync.opened(e.document)));
  ctx.documents.onDidChangeContent(guarded(console, 'textDocument/didChange', undefined, (e) => ctx.sync.changed(e.document)));
  ctx.documents.onDidClose(guarded(console, 'textDocument/didClose', undefined, (e) => {
    ctx.sync.closed(e.document);
    ctx.indexer.refreshFiles([{ uri: e.document.uri, deleted: false }]);
  }));
  // Shutdown answers only once every reported outcome is durable and the store lock is released.
  connection.onShutdown(async () => {
    ctx.sync.dispose();
    ctx.fileChanges.dispose();
    ctx.retention.dispose();
    ctx.calibrating.cancel();
    await ctx.outcomes.close();
  });
  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
