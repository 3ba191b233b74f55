import { TASK_RESULT_KINDS } from '@arenalab/protocol';
import type { TaskResultParams } from '@arenalab/protocol';
import type { Clock } from '@arenalab/core';
import { taskResultSpan } from '../../outcomes';
import type { OutcomeRecorder } from '../../outcomes';

/** Thrown for a task result with a missing or wrong field; the guard logs it with the method name. */
export class TaskResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskResultError';
  }
}

/** What a task result uses: the recorder it is stored through (which knows the recent acceptances) and the clock. */
export interface TaskResultDeps {
  readonly outcomes: OutcomeRecorder;
  readonly clock: Clock;
}

const isCount = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);

function checked(params: TaskResultParams): TaskResultParams {
  const problems: string[] = [];
  if (typeof params?.name !== 'string' || params.name === '') problems.push('name: expected a non-empty string');
  if (!TASK_RESULT_KINDS.includes(params?.kind)) problems.push(`kind: expected one of ${TASK_RESULT_KINDS.join(', ')}`);
  if (!Number.isInteger(params?.exitCode)) problems.push('exitCode: expected an integer');
  if (typeof params?.durationMs !== 'number' || !(params.durationMs >= 0)) problems.push('durationMs: expected a number ≥ 0');
  if (!isCount(params?.passed) || !isCount(params?.failed)) problems.push('passed/failed: expected whole numbers ≥ 0');
  const { uris } = params ?? {};
  if (uris !== undefined && !(Array.isArray(uris) && uris.every((u) => typeof u === 'string' && u !== ''))) problems.push('uris: expected a list of document URIs');
  if (problems.length > 0) throw new TaskResultError(`task result ${JSON.stringify(params)}: ${problems.join('; ')}`);
  return params;
}

/**
 * `arenalab/taskResult`: a task, debug session or test run ended; stored as a `run_task` / `run_tests` span whose
 * previous spans are the suggestions accepted in the last ten minutes, the code this run exercised: only those in the
 * run's documents when the client names them (`uris`), every one otherwise.
 */
export function onTaskResult(deps: TaskResultDeps, params: TaskResultParams): void {
  const p = checked(params);
  deps.outcomes.record(taskResultSpan({
    name: p.name, kind: p.kind, exitCode: p.exitCode, durationMs: p.durationMs, passed: p.passed, failed: p.failed,
    acceptedSpanIds: deps.outcomes.acceptedWithin(undefined, p.uris), whenMs: deps.clock.now(),
  }));
}
