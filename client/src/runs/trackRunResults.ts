import * as vscode from 'vscode';
import type { TaskResultKind, TaskResultParams } from '@arenalab/protocol';
import { isSkip } from './runTracker';
import type { RunEnd, RunTracker } from './runTracker';

function taskKind(task: vscode.Task): TaskResultKind {
  return task.group?.id === vscode.TaskGroup.Test.id ? 'tests' : 'task';
}

/** Debug adapters may start child sessions (js-debug does); a run is the top-level session. */
function rootSession(session: vscode.DebugSession): vscode.DebugSession {
  let root = session;
  while (root.parentSession) root = root.parentSession;
  return root;
}

interface ExitedEvent {
  type: 'event';
  event: 'exited';
  body: { exitCode: number };
}

function isExited(message: unknown): message is ExitedEvent {
  const m = message as Partial<ExitedEvent> | undefined;
  return m?.type === 'event' && m.event === 'exited' && typeof m.body?.exitCode === 'number';
}

/**
 * Reports every VS Code task (kind `tests` in the Test group) and top-level debug session that ends with a known exit
 * code as `arenalab/taskResult`. A debug session's exit code is the debug adapter's `exited` event, from a tracker on
 * every debug type. Saved documents are remembered so the result names what the run exercised.
 */
export function trackRunResults(runs: RunTracker, report: (result: TaskResultParams) => void, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const finish = (key: unknown, end: RunEnd): void => {
    const result = runs.ended(key, { ...end, activeUri: vscode.window.activeTextEditor?.document.uri.toString() });
    if (isSkip(result)) {
      log.info(`ArenaLab: run not reported: ${result.skipped}`);
      return;
    }
    log.info(`ArenaLab: ${result.kind} "${result.name}" ended with exit code ${result.exitCode} after ${result.durationMs} ms`);
    report(result);
  };
  return [
    vscode.workspace.onDidSaveTextDocument((document) => runs.saved(document.uri.toString())),
    vscode.tasks.onDidStartTaskProcess(({ execution }) => runs.started(execution, execution.task.name, taskKind(execution.task))),
    vscode.tasks.onDidEndTaskProcess(({ execution, exitCode }) => finish(execution, { exitCode })),
    vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker(session) {
        return {
          onDidSendMessage(message: unknown) {
            if (isExited(message)) runs.exited(rootSession(session).id, message.body.exitCode);
          },
        };
      },
    }),
    vscode.debug.onDidStartDebugSession((session) => {
      if (!session.parentSession) runs.started(session.id, session.name, 'debug');
    }),
    vscode.debug.onDidTerminateDebugSession((session) => {
      if (!session.parentSession) finish(session.id, {});
    }),
  ];
}
