import * as vscode from 'vscode';
import type { ExplainResult } from '@arenalab/protocol';
import { OPEN_SOURCE_COMMAND, renderExplanation } from './explainHtml';

/** Workspace-relative `/` path → a file in one of the workspace folders (the first where it exists). */
async function resolveSource(file: string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Opens file:line (0-based line, as in LSP) of a source in the first editor column, beside the explanation. */
export async function openSource(file: unknown, line: unknown): Promise<void> {
  if (typeof file !== 'string') return;
  const uri = await resolveSource(file);
  if (!uri) {
    void vscode.window.showWarningMessage(`ArenaLab: ${file} is not in the open workspace.`);
    return;
  }
  const position = new vscode.Position(typeof line === 'number' && line > 0 ? line : 0, 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One, preview: true });
}

/**
 * "ArenaLab: Explain suggestion" as a page beside the editor: one panel, reused, showing the latest explanation.
 * Scripts are off; the only command its links may run is opening a source.
 */
export class ExplainPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(result: ExplainResult): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('arenalab.explain', 'ArenaLab: why this suggestion', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [OPEN_SOURCE_COMMAND],
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.webview.html = renderExplanation(result, this.panel.webview.cspSource);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
