import { CompletionEngine, OnlineLearner, SelfCalibration, systemClock } from '@arenalab/core';
import type { Clock } from '@arenalab/core';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_CLIENT_SETTINGS } from './settings/clientSettings';
import type { ClientSettings } from './settings/clientSettings';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OutcomeRecorder, realRetentionTimer, RetentionChecker } from '../outcomes';
import type { MissingDocument, RetentionDocument, RetentionTimer } from '../outcomes';
import { recordLearnedSpans } from './learning/recordLearnedSpans';
import { BackgroundCalibration } from './learning/backgroundCalibration';
import { CompletionService, WorkspaceConstitution } from '../answering';
import { savedIndexFileIn } from '../workspace';
import { CurationSession } from '../curation';
import { DocumentSync } from './workspace/documentSync';
import { createOpenDocuments, isTooLarge } from './workspace/openDocuments';
import type { OpenDocuments } from './workspace/openDocuments';
import { DEFAULT_LSP_SETTINGS } from './settings/lspSettings';
import type { LspSettings } from './settings/lspSettings';
import { SuggestionMemory } from './completion/suggestionMemory';
import { WorkspaceIndexer } from './workspace/workspaceIndexer';
import { currentStoreDir } from './workspace/followStoreLocation';
import { FileChangeBatch } from './workspace/fileChangeBatch';
import { WorkspaceRoots } from './workspace/workspaceRoots';
import { WorkspaceChat } from './chat/workspaceChat';
import { excludesFor } from './settings/folderExcludes';
import { llmFromSettings } from './chat/llmFromSettings';

/** Everything the handlers share: one engine per server, fed by the workspace indexer and the open documents. */
export interface LspContext {
  connection: Connection;
  /** The open documents; one over `settings.maxDocumentBytes` is kept without its text (`TooLargeDocument`). */
  documents: OpenDocuments;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  suggestions: SuggestionMemory;
  settings: LspSettings;
  sync: DocumentSync;
  indexer: WorkspaceIndexer;
  /** Watched-file reports gathered into batches for the indexer; disposed on shutdown. */
  fileChanges: FileChangeBatch;
  /** The client's validated `arenalab.*` settings; replaced whenever they are pulled again. */
  clientSettings: ClientSettings;
  /** Each workspace folder's own `arenalab.excludes`, where it has one (see `excludesFor`). */
  folderExcludes: ReadonlyMap<string, readonly string[]>;
  /** The editor's `http.proxy` (workspace/configuration `http` section), for the external model's calls. */
  httpProxy?: string;
  /** Settings notices already logged (a renamed setting's old name), so each is said once. */
  noticesLogged: Set<string>;
  /** The client answers workspace/configuration (set on initialize). */
  pullsConfiguration: boolean;
  /** The client reports added and removed workspace folders (set on initialize). */
  changesFolders: boolean;
  /**
   * False when the client says the workspace is not trusted (`initializationOptions.trusted`, as VS Code's Restricted
   * Mode): no chat tools, no run recording.
   */
  trusted: boolean;
  /** The client takes a registration of file watchers from the server (set on initialize). */
  registersFileWatchers: boolean;
  /** Suggestion outcomes and task results on their way into the span store. */
  outcomes: OutcomeRecorder;
  /** Checks accepted suggestions for retention at 30 s, 2 min and 10 min; disposed on shutdown. */
  retention: RetentionChecker;
  /** The folder the outcome store was opened in (undefined: nowhere), once it was; moved by followStoreLocation. */
  store: { opened: boolean; dir?: string };
  /**
   * Learns from every outcome recorded (and, when a store opens, from the outcomes already in it): the places a
   * suggestion came from vote with more or less weight after it was accepted, retained, dismissed or failed a run.
   */
  learner: OnlineLearner;
  /**
   * The engine's confidence calibration: fitted on held-out lines of the workspace in the background each time the
   * index is ready (`calibrating`), refitted with each accepted or dismissed suggestion recorded (and those in the store).
   */
  calibration: SelfCalibration;
  calibrating: BackgroundCalibration;
  /** Completion requests being answered now; the background calibration waits while there are any. */
  completing: { count: number };
  /** Withholds suggestions that break a hard principle (secrets, excluded files, harm, remembered violations). */
  constitution: WorkspaceConstitution;
  /** The engine behind the constitution: the only way the handlers get suggestions. */
  completions: CompletionService;
  clock: Clock;
  /** The curation game: the store's spans scored, the running score, judgements recorded as spans. */
  curation: CurationSession;
  /** `arenalab/chat`: the engine over the store's question/answer spans, the tools, the answers given. */
  chat: WorkspaceChat;
}

/**
 * The open document to check retention in; a closed one, one whose file is gone from disk, or one grown too large to
 * keep its text, is not retained.
 */
function retentionDocument(documents: OpenDocuments, uri: string): RetentionDocument | MissingDocument {
  const document = documents.get(uri);
  if (document === undefined) return 'closed';
  if (isTooLarge(document)) return 'too_large';
  if (uri.startsWith('file:')) {
    try {
      if (!fs.existsSync(fileURLToPath(uri))) return 'vanished';
    } catch {
      return 'vanished';
    }
  }
  return document;
}

export function createLspContext(connection: Connection, settings: LspSettings = DEFAULT_LSP_SETTINGS, clock: Clock = systemClock, timer: RetentionTimer = realRetentionTimer): LspContext {
  const documents = createOpenDocuments(settings.maxDocumentBytes);
  const engine = new CompletionEngine({}, undefined, clock);
  const roots = new WorkspaceRoots();
  const sync = new DocumentSync({ console: connection.console, engine, roots, documents, settings });
  const log = (line: string) => connection.console.info(line);
  const learner = new OnlineLearner(engine.weights);
  const calibration = new SelfCalibration(engine);
  const completing = { count: 0 };
  const calibrating = new BackgroundCalibration(calibration, log, () => completing.count > 0);
  const outcomes = new OutcomeRecorder({ clock, log, observe: (span) => { learner.observe([span]); calibration.observe([span]); } });
  const constitution = new WorkspaceConstitution({ clock, rootOf: (key) => roots.rootOf(key), log, excludes: (root) => excludesFor(ctx, root), storeDir: () => ctx.store.dir });
  const ctx: LspContext = {
    connection, documents, engine, roots, settings, sync,
    suggestions: new SuggestionMemory(settings.rememberedSuggestions),
    indexer: new WorkspaceIndexer({
      connection, engine, roots, sync,
      excludes: (root) => excludesFor(ctx, root),
      onReady: () => void calibrating.restart(),
      savedIndexFile: () => savedIndexFileIn(currentStoreDir(ctx)),
      ...(settings.indexGate !== undefined ? { indexGate: settings.indexGate } : {}),
    }),
    fileChanges: new FileChangeBatch({ timer, apply: (changes) => ctx.indexer.applyChanges(changes), logError: (line) => connection.console.error(line) }),
    clientSettings: DEFAULT_CLIENT_SETTINGS,
    folderExcludes: new Map(),
    noticesLogged: new Set(),
    pullsConfiguration: false,
    changesFolders: false,
    trusted: true,
    registersFileWatchers: false,
    outcomes,
    retention: new RetentionChecker({
      clock, timer, log, read: (uri) => retentionDocument(ctx.documents, uri), record: (draft) => outcomes.record(draft),
      settled: (accepted, retained) => { if (retained) recordLearnedSpans(learner, (draft) => outcomes.record(draft), accepted.spanId); },
    }),
    store: { opened: false },
    learner,
    calibration,
    calibrating,
    completing,
    constitution,
    completions: new CompletionService(engine, constitution),
    clock,
    curation: new CurationSession({ clock, record: (draft) => outcomes.record(draft), drain: () => outcomes.drain() }),
    chat: new WorkspaceChat({ clock, log, record: (draft) => outcomes.record(draft), llm: () => llmFromSettings(ctx.clientSettings.llm, { proxy: { httpProxy: ctx.httpProxy, env: settings.proxyEnv ?? {} }, apiKey: settings.llmApiKey, log }), reviewer: () => ctx.constitution.currentReviewer() }),
  };
  return ctx;
}
