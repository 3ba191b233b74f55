import type { CompletionEngine } from '@arenalab/core';
import type { RemoteConsole } from 'vscode-languageserver/node';
import { LANGUAGE_BY_EXTENSION, languageForPath } from '../../workspace';
import { documentProblem } from './documentProblem';
import { isTooLarge } from './openDocuments';
import type { OpenDocument, OpenDocuments } from './openDocuments';
import type { LspSettings } from '../settings/lspSettings';
import type { WorkspaceRoots } from './workspaceRoots';

const INDEXED_LANGUAGES = new Set(Object.values(LANGUAGE_BY_EXTENSION));

export interface DocumentSyncDeps {
  console: RemoteConsole;
  engine: CompletionEngine;
  roots: WorkspaceRoots;
  documents: OpenDocuments;
  settings: LspSettings;
}

/**
 * Keeps the engine's copy of open documents current: the editor's text replaces the file on disk, re-indexed after a
 * quiet period so typing does not re-index on every key, and only for the latest version (older ones are dropped).
 * A document too large to index is logged once and leaves the index; its further edits do nothing here.
 */
export class DocumentSync {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly indexedVersion = new Map<string, number>();
  private readonly skipped = new Map<string, string>();
  /** The engine key each open document was indexed under; it changes when workspace folders are added or removed. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly deps: DocumentSyncDeps) {}

  opened(document: OpenDocument): void {
    this.index(document);
  }

  changed(document: OpenDocument): void {
    if (isTooLarge(document)) {
      // A pending re-index would be of text the server no longer has.
      this.cancelTimer(document.uri);
      if (this.skipped.get(document.uri) !== document.tooLarge) this.index(document);
      return;
    }
    if (this.indexedVersion.get(document.uri) === document.version) return;
    this.cancelTimer(document.uri);
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      const current = this.deps.documents.get(document.uri);
      // A newer version has its own timer; this one is stale.
      if (current?.version === document.version) this.guardedIndex(current);
    }, this.deps.settings.reindexDebounceMs);
    this.timers.set(document.uri, timer);
  }

  closed(document: OpenDocument): void {
    this.cancelTimer(document.uri);
    this.indexedVersion.delete(document.uri);
    this.skipped.delete(document.uri);
    this.keys.delete(document.uri);
  }

  /**
   * Indexes a document at once instead of after the quiet period, optionally with `text` in place of its current
   * text (an accepted suggestion the client has not sent as an edit yet); the next didChange replaces that text.
   */
  indexNow(document: OpenDocument, text?: string): void {
    this.cancelTimer(document.uri);
    this.index(document, text);
    // The indexed text is not that of any version, so the next change must re-index even at this version.
    if (text !== undefined) this.indexedVersion.delete(document.uri);
  }

  isOpen(uri: string): boolean {
    return this.deps.documents.get(uri) !== undefined;
  }

  /** After a full re-index from disk, the open documents' unsaved text wins again. */
  reindexOpenDocuments(): void {
    for (const document of this.deps.documents.all()) this.index(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancelTimer(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  /** Timer callbacks have no caller to report to, so their errors are logged here. */
  private guardedIndex(document: OpenDocument): void {
    try {
      this.index(document);
    } catch (error) {
      this.deps.console.error(`re-indexing ${document.uri} (version ${document.version}) failed: ${String(error)}`);
    }
  }

  private index(document: OpenDocument, replacement?: string): void {
    const { engine, roots, settings } = this.deps;
    const file = roots.fileFor(document.uri);
    const previous = this.keys.get(document.uri);
    if (previous !== undefined && previous !== file) engine.removeFile(previous);
    this.keys.set(document.uri, file);
    if (isTooLarge(document)) {
      this.skip(document.uri, file, document.tooLarge, '; no suggestions in it, and its edits are not followed until the editor sends its whole text again (reopen it)');
      return;
    }
    const text = replacement ?? document.getText();
    const problem = documentProblem(text, settings.maxDocumentBytes);
    if (problem !== undefined) {
      this.skip(document.uri, file, problem, '');
      return;
    }
    if (this.skipped.delete(document.uri)) this.deps.console.info(`indexing ${document.uri} again: it is within the limits now`);
    const language = languageForPath(file) ?? (INDEXED_LANGUAGES.has(document.languageId) ? document.languageId : undefined);
    if (language === undefined) return;
    engine.addFile(file, language, text);
    this.indexedVersion.set(document.uri, document.version);
  }

  /** Leaves the document out of the index; said once per document and problem, not on every edit. */
  private skip(uri: string, file: string, problem: string, consequence: string): void {
    if (this.skipped.get(uri) !== problem) this.deps.console.info(`not indexing ${uri}: ${problem}${consequence}`);
    this.skipped.set(uri, problem);
    this.indexedVersion.delete(uri);
    this.deps.engine.removeFile(file);
  }
}
