import { NotificationType } from 'vscode-languageserver-protocol';

export type TaskResultKind = 'task' | 'debug' | 'tests';

export const TASK_RESULT_KINDS: readonly TaskResultKind[] = ['task', 'debug', 'tests'];

export interface TaskResultParams {
  /** The task, launch configuration or test run name, as the editor shows it. */
  name: string;
  kind: TaskResultKind;
  exitCode: number;
  durationMs: number;
  /** Test counts, where the editor knows them. */
  passed?: number;
  failed?: number;
  /**
   * Documents the run concerns, as URIs: the active editor's document and those saved since the previous run. The
   * server links the run to suggestions accepted in these documents; without them it links by time alone.
   */
  uris?: string[];
}

/**
 * `arenalab/taskResult`, client → server notification: a VS Code task, debug session or test run ended. The server
 * stores it as a span linked to the suggestions accepted shortly before, so they can later be weighed by whether
 * the code worked.
 */
export const TaskResultNotification = new NotificationType<TaskResultParams>('arenalab/taskResult');
