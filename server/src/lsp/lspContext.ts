import { CompletionEngine } from '@arenalab/core';
import { TextDocuments } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
}

export function createLspContext(connection: Connection, settings: LspSettings = DEFAULT_LSP_SETTINGS): LspContext {
  const documents = new TextDocuments(TextDocument);
  const engine = new CompletionEngine();
  const roots = new WorkspaceRoots();
  const sync = new DocumentSync({ console: connection.console, engine, roots, documents, settings });
  const indexer = new WorkspaceIndexer({ connection, engine, roots, sync });
  return { connection, documents, engine, roots, suggestions: new SuggestionMemory(settings.rememberedSuggestions), settings, sync, indexer };
}
