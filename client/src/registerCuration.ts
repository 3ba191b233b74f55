import * as vscode from 'vscode';
import { CurationPanel } from './curationPanel';
import { registerDatasetsView } from './datasetsView';
import type { ServerController } from './serverController';

export const CURATE_COMMAND = 'arenalab.curateSession';

/** Issue 5 §4, curation in the editor: "ArenaLab: Curate session" and the Datasets view with its commands. */
export function registerCuration(server: ServerController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const panel = new CurationPanel(server, log);
  return [
    panel,
    vscode.commands.registerCommand(CURATE_COMMAND, () => panel.show()),
    ...registerDatasetsView(server, log),
  ];
}
