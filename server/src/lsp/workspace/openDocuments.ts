import { TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSizeProblem } from './documentProblem';

/**
 * An open document over the size limit: no text is kept, so an edit to it costs nothing (a copy of the whole text
 * per keystroke is what stalled the server on big documents). Its incremental edits are dropped; a change that
 * carries the whole text makes it a real document again when that text is within the limit.
 */
export interface TooLargeDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  /** Characters of the last whole text the editor sent (at open or in a full change); later edits are not counted. */
  readonly length: number;
  /** Why it is not kept, as `documentProblem` words it (`larger than 10 MB`). */
  readonly tooLarge: string;
}

/** What the server holds for an open document: its text, or only that it is too large. */
export type OpenDocument = TextDocument | TooLargeDocument;

/** The open documents, as the LSP library manages them; `get` may answer a `TooLargeDocument`. */
export type OpenDocuments = TextDocuments<OpenDocument>;

export function isTooLarge(document: OpenDocument): document is TooLargeDocument {
  return 'tooLarge' in document;
}

function tooLarge(uri: string, languageId: string, version: number, length: number, problem: string): TooLargeDocument {
  return { uri, languageId, version, length, tooLarge: problem };
}

/** The document as kept: itself while within `maxBytes`, else only what a too-large document keeps. */
function withinLimit(document: TextDocument, maxBytes: number): OpenDocument {
  const text = document.getText();
  const problem = documentSizeProblem(text, maxBytes);
  return problem === undefined ? document : tooLarge(document.uri, document.languageId, document.version, text.length, problem);
}

/** A too-large document after `changes`: the last whole text among them and what follows it, or still too large. */
function updateTooLarge(document: TooLargeDocument, changes: TextDocumentContentChangeEvent[], version: number, maxBytes: number): OpenDocument {
  let lastFull = -1;
  changes.forEach((change, i) => { if (TextDocumentContentChangeEvent.isFull(change)) lastFull = i; });
  if (lastFull < 0) return { ...document, version };
  const full = changes[lastFull].text;
  const later = changes.slice(lastFull + 1);
  // Nothing follows the whole text (as editors send it): it is measured without making a document of it.
  const problem = later.length === 0 ? documentSizeProblem(full, maxBytes) : undefined;
  if (problem !== undefined) return tooLarge(document.uri, document.languageId, version, full.length, problem);
  const revived = TextDocument.create(document.uri, document.languageId, version, full);
  if (later.length > 0) TextDocument.update(revived, later, version);
  return withinLimit(revived, maxBytes);
}

/**
 * How the open documents are made and updated: a document over `maxBytes` (the server's one size limit for what it
 * indexes and completes in) becomes a `TooLargeDocument` at open or at the edit that takes it over, and a real
 * document again when a whole text within the limit arrives.
 */
export function openDocumentsConfiguration(maxBytes: number): TextDocumentsConfiguration<OpenDocument> {
  return {
    create: (uri, languageId, version, content) => withinLimit(TextDocument.create(uri, languageId, version, content), maxBytes),
    update: (document, changes, version) => {
      if (isTooLarge(document)) return updateTooLarge(document, changes, version, maxBytes);
      TextDocument.update(document, changes, version);
      return withinLimit(document, maxBytes);
    },
  };
}

export function createOpenDocuments(maxBytes: number): OpenDocuments {
  return new TextDocuments(openDocumentsConfiguration(maxBytes));
}
