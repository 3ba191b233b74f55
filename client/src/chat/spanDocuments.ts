import * as vscode from 'vscode';

export const SPAN_SCHEME = 'arenalab-span';

/**
 * Read-only documents showing a span as JSON (`arenalab-span:/<id>.json`): a chat answer's source that is a stored
 * span rather than a file of the workspace. The spans shown are kept here while the window lives; they are small.
 */
export class SpanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SPAN_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? `// This span is no longer in memory; ask the question again to see it.\n`;
  }

  async show(spanId: string, span: unknown): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SPAN_SCHEME, path: `/${spanId.replace(/[^\w.-]/g, '_')}.json` });
    this.texts.set(uri.path, `${JSON.stringify(span, null, 2)}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: true });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
