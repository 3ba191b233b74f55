import * as vscode from 'vscode';
import { DatasetActionRequest, DatasetsRequest } from '@arenalab/protocol';
import type { DatasetActionParams, DatasetActionResult } from '@arenalab/protocol';
import { datasetTree } from './datasetTree';
import type { DatasetNode } from './datasetTree';
import type { ServerController } from '../server/serverController';
import { treeItemOf } from '../shared/treeItem';

export const DATASETS_VIEW = 'arenalab.datasets';
export const DATASET_COMMANDS = {
  refresh: 'arenalab.datasets.refresh',
  build: 'arenalab.datasets.build',
  freeze: 'arenalab.datasets.freeze',
  export: 'arenalab.datasets.export',
  import: 'arenalab.datasets.import',
} as const;

const DEFAULT_NAME = 'diamond_dataset_v1';
const SERVER_WAIT_MS = 20_000;

/** The Datasets tree: rows from `datasetTree`, fetched from the server each time the view refreshes. */
class DatasetsProvider implements vscode.TreeDataProvider<DatasetNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly server: ServerController, private readonly log: vscode.LogOutputChannel) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: DatasetNode): vscode.TreeItem {
    return treeItemOf(node, node.contextValue === 'dataset');
  }

  async getChildren(node?: DatasetNode): Promise<DatasetNode[]> {
    if (node) return node.children;
    // The view may open before the server has started; the tree shows its progress bar meanwhile.
    const running = await this.server.whenRunning(SERVER_WAIT_MS);
    if (!running) return [{ id: 'not-running', label: 'The ArenaLab server is not running yet.', contextValue: 'message', icon: 'info', children: [] }];
    try {
      return datasetTree(await running.sendRequest(DatasetsRequest));
    } catch (error) {
      this.log.warn(`ArenaLab: listing datasets: ${String(error)}`);
      return [{ id: 'failed', label: 'Listing the datasets failed: see "ArenaLab: Show log".', contextValue: 'message', icon: 'error', children: [] }];
    }
  }
}

/** Sends an action, says what happened (a refusal with its reason), and refreshes the tree. */
async function runAction(server: ServerController, provider: DatasetsProvider, params: DatasetActionParams): Promise<DatasetActionResult | undefined> {
  const running = server.requireRunning();
  if (!running) return undefined;
  const result = await running.sendRequest(DatasetActionRequest, params);
  if (result.ok) void vscode.window.showInformationMessage(`ArenaLab: ${result.message}`);
  else void vscode.window.showErrorMessage(`ArenaLab: ${result.action} refused (${result.code}): ${result.reason}`);
  provider.refresh();
  return result;
}

async function pickFolder(title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return picked?.[0];
}

function versionOf(node: DatasetNode | undefined, command: string): { name: string; version: string } | undefined {
  if (node?.ref?.version !== undefined) return { name: node.ref.name, version: node.ref.version };
  void vscode.window.showInformationMessage(`ArenaLab: run "${command}" from a dataset version in the Datasets view.`);
  return undefined;
}

/** The Datasets view and its commands: build, freeze, export, import, refresh. */
export function registerDatasetsView(server: ServerController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const provider = new DatasetsProvider(server, log);
  const build = async (node?: DatasetNode) => {
    const name = await vscode.window.showInputBox({ title: 'ArenaLab: build a dataset from the workspace store', prompt: 'Dataset name (a new version is added when it exists)', value: node?.ref?.name ?? DEFAULT_NAME, validateInput: (v) => (/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(v) ? undefined : 'letters, digits, . _ - (starting with a letter or digit)') });
    if (name) await runAction(server, provider, { action: 'build', name });
  };
  const freeze = async (node?: DatasetNode) => {
    const ref = versionOf(node, 'Freeze');
    if (!ref) return;
    const yes = await vscode.window.showWarningMessage(`Freeze ${ref.name}@${ref.version}? A frozen version can never be overwritten.`, { modal: true }, 'Freeze');
    if (yes === 'Freeze') await runAction(server, provider, { action: 'freeze', ...ref });
  };
  const exportTo = async (node?: DatasetNode) => {
    const ref = versionOf(node, 'Export');
    if (!ref) return;
    const parent = await pickFolder(`Export ${ref.name}@${ref.version} into…`, 'Export here');
    if (parent) await runAction(server, provider, { action: 'export', ...ref, folder: vscode.Uri.joinPath(parent, `${ref.name}-${ref.version}`).fsPath });
  };
  const importFrom = async () => {
    const folder = await pickFolder('Import an exported dataset (a folder with spans.jsonl and manifest.json)', 'Import');
    if (folder) await runAction(server, provider, { action: 'import', folder: folder.fsPath });
  };
  return [
    vscode.window.registerTreeDataProvider(DATASETS_VIEW, provider),
    vscode.commands.registerCommand(DATASET_COMMANDS.refresh, () => provider.refresh()),
    vscode.commands.registerCommand(DATASET_COMMANDS.build, build),
    vscode.commands.registerCommand(DATASET_COMMANDS.freeze, freeze),
    vscode.commands.registerCommand(DATASET_COMMANDS.export, exportTo),
    vscode.commands.registerCommand(DATASET_COMMANDS.import, importFrom),
  ];
}
