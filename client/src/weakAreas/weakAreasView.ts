import * as vscode from 'vscode';
import { GapsRequest } from '@arenalab/protocol';
import { weakAreasTree } from './weakAreasTree';
import type { ExamplePlace, WeakAreaNode } from './weakAreasTree';
import type { ServerController } from '../server/serverController';
import { treeItemOf } from '../shared/treeItem';

export const WEAK_AREAS_VIEW = 'arenalab.weakAreas';
export const WEAK_AREA_COMMANDS = {
  refresh: 'arenalab.weakAreas.refresh',
  openExample: 'arenalab.weakAreas.openExample',
} as const;

const SERVER_WAIT_MS = 20_000;
const TOP_AREAS = 15;

const message = (id: string, label: string, icon: string): WeakAreaNode => ({ id, label, contextValue: 'message', icon, children: [] });

/**
 * The Weak areas tree: the server's `arenalab/gaps` answer through `weakAreasTree`. Measuring holds out and predicts a
 * sample of files (seconds), so the answer is kept until the refresh command asks again, not re-requested on expand.
 */
class WeakAreasProvider implements vscode.TreeDataProvider<WeakAreaNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: Promise<WeakAreaNode[]> | undefined;

  constructor(private readonly server: ServerController, private readonly log: vscode.LogOutputChannel) {}

  refresh(): void {
    this.rows = undefined;
    this.changed.fire();
  }

  getTreeItem(node: WeakAreaNode): vscode.TreeItem {
    const item = treeItemOf(node);
    if (node.open) item.command = { title: 'Open example', command: WEAK_AREA_COMMANDS.openExample, arguments: [node.open.root, node.open.place] };
    return item;
  }

  getChildren(node?: WeakAreaNode): Promise<WeakAreaNode[]> | WeakAreaNode[] {
    if (node) return node.children;
    this.rows ??= this.measure();
    return this.rows;
  }

  private async measure(): Promise<WeakAreaNode[]> {
    // The view may open before the server has started; the tree shows its progress bar meanwhile.
    const running = await this.server.whenRunning(SERVER_WAIT_MS);
    if (!running) {
      this.rows = undefined; // ask again on the next refresh, once the server runs
      return [message('not-running', 'The ArenaLab server is not running yet: refresh once it is.', 'info')];
    }
    try {
      return weakAreasTree(await running.sendRequest(GapsRequest, { top: TOP_AREAS }));
    } catch (error) {
      this.rows = undefined;
      this.log.warn(`ArenaLab: measuring weak areas: ${String(error)}`);
      return [message('failed', 'Measuring the weak areas failed: see "ArenaLab: Show log".', 'error')];
    }
  }
}

/** Opens a targeted example's line (1-based) in the folder that was measured. */
async function openExample(root: string, place: ExamplePlace): Promise<void> {
  const uri = vscode.Uri.joinPath(vscode.Uri.file(root), ...place.file.split('/'));
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(place.line, document.lineCount) - 1;
    const range = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(document, { selection: range, preview: true });
  } catch (error) {
    void vscode.window.showErrorMessage(`ArenaLab: cannot open ${place.file}:${place.line}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The "Weak areas" view in the ArenaLab container, its refresh command and example links. */
export function registerWeakAreasView(server: ServerController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const provider = new WeakAreasProvider(server, log);
  return [
    vscode.window.registerTreeDataProvider(WEAK_AREAS_VIEW, provider),
    vscode.commands.registerCommand(WEAK_AREA_COMMANDS.refresh, () => provider.refresh()),
    vscode.commands.registerCommand(WEAK_AREA_COMMANDS.openExample, openExample),
  ];
}
