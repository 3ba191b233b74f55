import * as vscode from 'vscode';
import { CurationPanel } from './curationPanel';
import type { ServerController } from '../server/serverController';

export const CURATE_COMMAND = 'arenalab.curateSession';

/** Curation in the editor: the "ArenaLab: Curate session" command and the panel it opens. */
export function registerCuration(server: ServerController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const panel = new CurationPanel(server, log);
  return [
    panel,
    vscode.commands.registerCommand(CURATE_COMMAND, () => panel.show()),
  ];
}
