import type { ForgetParams, ForgetResult } from '@arenalab/protocol';
import { forgetSpan } from '@arenalab/core';
import type { Clock } from '@arenalab/core';
import type { OutcomeRecorder } from '../../outcomes';
import { forgetLearning } from './forgetLearning';
import type { LearningDeps } from './forgetLearning';
import type { WorkspaceRoots } from '../workspace/workspaceRoots';

/** Thrown for forget params of the wrong shape; the guard logs it with the method name and answers nothing removed. */
export class ForgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForgetError';
  }
}

/** What forgetting uses: what unlearning touches, the folders a file URI is keyed by, and the recorder for the tombstone. */
export interface ForgetDeps extends LearningDeps {
  readonly roots: WorkspaceRoots;
  readonly outcomes: OutcomeRecorder;
  readonly clock: Clock;
}

const MAX_IDS = 10_000;

function checked(params: ForgetParams | undefined): { spanIds: string[]; file?: string } {
  const problems: string[] = [];
  const spanIds = params?.spanIds ?? [];
  if (!Array.isArray(spanIds) || !spanIds.every((id) => typeof id === 'string' && id !== '')) problems.push('spanIds: expected an array of non-empty strings');
  else if (spanIds.length > MAX_IDS) problems.push(`spanIds: at most ${MAX_IDS}`);
  const file = params?.file;
  if (file !== undefined && (typeof file !== 'string' || file === '')) problems.push('file: expected a document URI');
  if (problems.length === 0 && spanIds.length === 0 && file === undefined) problems.push('nothing to forget: give spanIds, file or both');
  if (problems.length > 0) throw new ForgetError(problems.join('; '));
  return { spanIds, ...(file !== undefined ? { file } : {}) };
}

/**
 * `arenalab/forget`: spans are forgotten with every outcome span citing them (the learner unlearns exactly their
 * updates; a source's outcomes cite it); a source id also resets that place's own trust; a file resets every place
 * known to live in it (outcome spans record their sources' files); a `forget_learning` tombstone is stored so a restart
 * and dataset builds forget it too. The file's postings stay: forgetting what was learned must not stop suggesting its code, which
 * `CompletionEngine.unlearnFile` would (it de-indexes too).
 */
export function onForget(deps: ForgetDeps, params: ForgetParams | undefined): ForgetResult {
  const { spanIds, file } = checked(params);
  const key = file === undefined ? undefined : deps.roots.fileFor(file);
  const { outcomes, sources } = forgetLearning(deps, spanIds, key);
  // A tombstone in the store, so a restart (which learns the store again) and dataset builds forget it too.
  deps.outcomes.record(forgetSpan({ spanIds: [...new Set([...spanIds, ...outcomes])], ...(key !== undefined ? { file: key } : {}), whenMs: deps.clock.now() }));
  return key === undefined ? { outcomes, sources } : { outcomes, sources, file: key };
}
