import * as vscode from 'vscode';
import { ForgetRequest } from '@arenalab/protocol';
import { forgetMessage } from './forgetMessage';
import type { ServerController } from '../server/serverController';

export const FORGET_FILE_COMMAND = 'arenalab.forgetFile';

/**
 * "ArenaLab: Forget what was learned from this file": after a confirmation (it cannot be undone, short of the
 * outcomes happening again), the server resets the trust of every place in the active editor's file.
 */
export function registerForgetFileCommand(server: ServerController): vscode.Disposable {
  return vscode.commands.registerCommand(FORGET_FILE_COMMAND, async (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('ArenaLab: open the file whose learned trust you want to forget.');
      return;
    }
    const running = server.requireRunning();
    if (!running) return;
    const name = vscode.workspace.asRelativePath(target);
    const yes = await vscode.window.showWarningMessage(`Forget what ArenaLab learned from ${name}? Suggestions from its code start again at neutral trust.`, { modal: true }, 'Forget');
    if (yes !== 'Forget') return;
    const result = await running.sendRequest(ForgetRequest, { file: target.toString() });
    void vscode.window.showInformationMessage(forgetMessage(result, name));
  });
}
