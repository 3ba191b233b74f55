import { CompletionEngine, systemClock } from '@arenalab/core';
import type { Clock } from '@arenalab/core';
import { TextDocuments } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CLIENT_SETTINGS } from './clientSettings';
import type { ClientSettings } from './clientSettings';
import { OutcomeRecorder } from '../outcomes';
import { DocumentSync } from './documentSync';
import { DEFAULT_LSP_SETTINGS } from './lspSettings';
import type { LspSettings } from './lspSettings';
import { SuggestionMemory } from './suggestionMemory';
import { WorkspaceIndexer } from './workspaceIndexer';
import { WorkspaceRoots } from './workspaceRoots';

/** Everything the handlers share: one engine per server, fed by the workspace indexer and the open documents. */
export interface LspContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  suggestions: SuggestionMemory;
  settings: LspSettings;
  sync: DocumentSync;
  indexer: WorkspaceIndexer;
  /** The client's validated `arenalab.*` settings; replaced whenever they are pulled again. */
  clientSettings: ClientSettings;
  /** The client answers workspace/configuration (set on initialize). */
  pullsConfiguration: boolean;
  /** Suggestion outcomes and task results on their way into the span store. */
  outcomes: OutcomeRecorder;
  clock: Clock;
}

export function createLspContext(connection: Connection, settings: LspSettings = DEFAULT_LSP_SETTINGS, clock: Clock = systemClock): LspContext {
  const documents = new TextDocuments(TextDocument);
  const engine = new CompletionEngine();
  const roots = new WorkspaceRoots();
  const sync = new DocumentSync({ console: connection.console, engine, roots, documents, settings });
  const ctx: LspContext = {
    connection, documents, engine, roots, settings, sync,
    suggestions: new SuggestionMemory(settings.rememberedSuggestions),
    indexer: new WorkspaceIndexer({ connection, engine, roots, sync, excludes: () => ctx.clientSettings.excludes }),
    clientSettings: DEFAULT_CLIENT_SETTINGS,
    pullsConfiguration: false,
    outcomes: new OutcomeRecorder({ clock, log: (line) => connection.console.info(line) }),
    clock,
  };
  return ctx;
}
