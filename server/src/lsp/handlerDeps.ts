import type { ChatDeps } from './chat/onChat';
import type { ChatFeedbackDeps } from './chat/onChatFeedback';
import type { CurationQueueDeps } from './curation/onCurationQueue';
import type { DatasetActionDeps } from './curation/onDatasetAction';
import type { FeedbackDeps } from './feedback/onFeedback';
import type { TaskResultDeps } from './feedback/onTaskResult';
import type { GapsDeps } from './gaps/onGaps';
import type { ForgetDeps } from './learning/onForget';
import type { LspContext } from './lspContext';
import { showThreshold } from './completion/showThreshold';
import type { ExecuteCommandDeps } from './onExecuteCommand';
import { currentStoreDir } from './workspace/followStoreLocation';
import { excludesFor } from './settings/folderExcludes';

// Each handler's few dependencies, picked from the context when its request arrives: the client's settings and the
// store's folder are replaced while the server runs, so a pick made once at start would go stale.

export const feedbackDeps = (ctx: LspContext): FeedbackDeps =>
  ({ suggestions: ctx.suggestions, outcomes: ctx.outcomes, retention: ctx.retention, documents: ctx.documents, sync: ctx.sync, clock: ctx.clock });

export const executeCommandDeps = (ctx: LspContext): ExecuteCommandDeps => ({ indexer: ctx.indexer, feedback: feedbackDeps(ctx) });

export const taskResultDeps = (ctx: LspContext): TaskResultDeps => ({ outcomes: ctx.outcomes, clock: ctx.clock });

export const chatDeps = (ctx: LspContext): ChatDeps =>
  ({ chat: ctx.chat, console: ctx.connection.console, place: { storeDir: currentStoreDir(ctx), workspace: ctx.roots.all[0], toolsAllowed: ctx.trusted } });

export const chatFeedbackDeps = (ctx: LspContext): ChatFeedbackDeps => ({ answers: ctx.chat.answers, outcomes: ctx.outcomes, clock: ctx.clock });

export const forgetDeps = (ctx: LspContext): ForgetDeps =>
  ({ learner: ctx.learner, engine: ctx.engine, roots: ctx.roots, outcomes: ctx.outcomes, clock: ctx.clock });

/** The gaps map judges confidence against the engine's configured show threshold. */
export const gapsDeps = (ctx: LspContext): GapsDeps =>
  ({ root: ctx.roots.all[0], storeDir: ctx.store.dir, excludes: excludesFor(ctx, ctx.roots.all[0]), showThreshold: showThreshold(ctx) });

export const curationQueueDeps = (ctx: LspContext): CurationQueueDeps => ({ curation: ctx.curation, storeDir: ctx.store.dir });

export const datasetActionDeps = (ctx: LspContext): DatasetActionDeps => ({ storeDir: ctx.store.dir, clock: ctx.clock, window: ctx.connection.window });
