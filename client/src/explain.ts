import * as vscode from 'vscode';
import type { ExplainResult, ExplainSource } from '@arenalab/protocol';

interface SourcePick extends vscode.QuickPickItem {
  source?: ExplainSource;
}

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

/** Opens file:line (0-based line, as in LSP) of a source. */
export async function openSource(file: string, line: number | undefined): Promise<void> {
  const uri = await resolveSource(file);
  if (!uri) {
    void vscode.window.showWarningMessage(`ArenaLab: ${file} is not in the open workspace.`);
    return;
  }
  const position = new vscode.Position(Math.max(0, line ?? 0), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true });
}

export function sourceLabel(source: ExplainSource): string {
  if (source.file !== undefined) return source.line !== undefined ? `${source.file}:${source.line + 1}` : source.file;
  return source.spanId !== undefined ? `span ${source.spanId}` : 'unknown source';
}

/**
 * Shows a suggestion's provenance as a quick pick: the suggestion, its confidence and method, then one row per
 * source (file:line or span, similarity, times accepted before); picking a row opens the source at that line.
 */
export async function showExplanation(result: ExplainResult): Promise<void> {
  const firstLine = result.text.split('\n')[0];
  const items: SourcePick[] = [
    { label: 'Suggestion', kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(lightbulb) ${firstLine || '(empty line)'}`,
      description: `confidence ${result.confidence.toFixed(2)} · ${result.method}`,
      detail: result.text.includes('\n') ? `${result.text.split('\n').length} lines` : undefined,
    },
    { label: 'Came from', kind: vscode.QuickPickItemKind.Separator },
    ...result.sources.map((source): SourcePick => ({
      label: `${source.file !== undefined ? '$(go-to-file)' : '$(database)'} ${sourceLabel(source)}`,
      description: `similarity ${source.similarity.toFixed(2)} · accepted ${source.acceptedBefore}× before`,
      source,
    })),
  ];
  if (result.sources.length === 0) items.push({ label: 'No recorded sources' });
  const picked = await vscode.window.showQuickPick(items, {
    title: `ArenaLab: why this suggestion (${result.suggestionId})`,
    placeHolder: 'Pick a source to open it',
    matchOnDescription: true,
  });
  if (picked?.source?.file !== undefined) await openSource(picked.source.file, picked.source.line);
}
