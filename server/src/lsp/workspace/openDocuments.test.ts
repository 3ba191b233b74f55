import { strict as assert } from 'node:assert';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isTooLarge, openDocumentsConfiguration } from './openDocuments';
import type { OpenDocument, TooLargeDocument } from './openDocuments';

// The open documents' factory on its own, with a limit of 100 bytes; the real-client cases are in lspLargeDocuments.test.ts.
const configuration = openDocumentsConfiguration(100);
const create: typeof configuration.create = (...args) => configuration.create(...args);
const update: typeof configuration.update = (...args) => configuration.update(...args);
const URI = 'file:///w/a.ts';
const at = (line: number, character: number) => ({ line, character });

function text(document: OpenDocument): string {
  assert.ok(!isTooLarge(document), 'expected a document with its text');
  return (document as TextDocument).getText();
}

describe('openDocumentsConfiguration: documents over the limit keep no text', () => {
  it('keeps a document within the limit as a text document that follows incremental edits', () => {
    const document = update(create(URI, 'typescript', 1, 'const a = 1;\n'), [{ range: { start: at(0, 6), end: at(0, 7) }, text: 'b' }], 2);
    assert.equal(text(document), 'const b = 1;\n');
    assert.equal(document.version, 2);
  });

  it('keeps only uri, language, version, length and the reason for a document over the limit, and drops its incremental edits', () => {
    const opened = create(URI, 'typescript', 1, 'x'.repeat(101));
    assert.deepEqual(opened, { uri: URI, languageId: 'typescript', version: 1, length: 101, tooLarge: 'larger than 0 MB' });
    const edited = update(opened, [{ range: { start: at(0, 0), end: at(0, 101) }, text: '' }], 2);
    assert.deepEqual(edited, { ...opened, version: 2 });
  });

  it('measures UTF-8 bytes, not characters', () => {
    assert.ok(isTooLarge(create(URI, 'typescript', 1, 'é'.repeat(51))), '102 bytes in 51 characters');
    assert.ok(!isTooLarge(create(URI, 'typescript', 1, 'é'.repeat(50))));
  });

  it('becomes a text document again from a whole text within the limit, with the incremental edits after it applied', () => {
    const opened = create(URI, 'typescript', 1, 'x'.repeat(200));
    const changes = [{ range: { start: at(0, 0), end: at(0, 1) }, text: 'dropped' }, { text: 'let a;\n' }, { range: { start: at(0, 4), end: at(0, 5) }, text: 'b' }];
    const revived = update(opened, changes, 7);
    assert.equal(text(revived), 'let b;\n');
    assert.equal(revived.version, 7);
  });

  it('stays too large when the whole text sent is over the limit, and becomes so when an edit takes a document over it', () => {
    const stillBig = update(create(URI, 'typescript', 1, 'x'.repeat(200)), [{ text: 'y'.repeat(150) }], 2) as TooLargeDocument;
    assert.deepEqual([isTooLarge(stillBig), stillBig.length, stillBig.version], [true, 150, 2]);
    const grown = update(create(URI, 'typescript', 1, 'small\n'), [{ range: { start: at(1, 0), end: at(1, 0) }, text: 'z'.repeat(100) }], 2);
    assert.deepEqual(grown, { uri: URI, languageId: 'typescript', version: 2, length: 106, tooLarge: 'larger than 0 MB' });
  });
});
