import { TASK_RESULT_KINDS } from '@arenalab/protocol';
import type { TaskResultParams } from '@arenalab/protocol';
import { taskResultSpan } from '../../outcomes';
import type { LspContext } from '../lspContext';

/** Thrown for a task result with a missing or wrong field; the guard logs it with the method name. */
export class TaskResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskResultError';
  }
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
export function onTaskResult(ctx: LspContext, params: TaskResultParams): void {
  const p = checked(params);
  ctx.outcomes.record(taskResultSpan({
    name: p.name, kind: p.kind, exitCode: p.exitCode, durationMs: p.durationMs, passed: p.passed, failed: p.failed,
    acceptedSpanIds: ctx.outcomes.acceptedWithin(undefined, p.uris), whenMs: ctx.clock.now(),
  }));
}
