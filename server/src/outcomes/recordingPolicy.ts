/**
 * What the server records about a developer's activity, by span action, and which switch turns each off.
 * `arenalab.recording.enabled: false` (or `arenalab lsp --no-record`, or `ARENALAB_RECORDING=off`) turns off every
 * kind below; an untrusted workspace turns off the runs. Spans the developer asks for explicitly (curation verdicts,
 * forget requests) are not activity and are still recorded.
 */
export const ACTIVITY_ACTIONS = {
  /** A shown suggestion's outcome: accepted (or the accepted prefix), dismissed with its reason; file:line, confidence, sources. */
  suggest_completion: 'outcome',
  /** Whether accepted text was still there at 30 s, 2 min and 10 min (edit similarity); file:line. */
  check_retention: 'edit',
  /** A suggestion learned from an accepted and kept one: its text and file. */
  write_code: 'edit',
  /** 👍/👎 on a chat answer, with the question and the answer's sources. */
  rate_answer: 'outcome',
  /** A task or debug run that ended: name, exit code, documents, suggestions it follows. */
  run_task: 'run',
  /** A test run that ended: the same fields as a task. */
  run_tests: 'run',
  /** A chat tool use (code run, file read, search): request, arguments, output (redacted). */
  use_tool: 'run',
} as const;

export type ActivityKind = (typeof ACTIVITY_ACTIONS)[keyof typeof ACTIVITY_ACTIONS];

/** Which kinds of activity are recorded right now. */
export interface RecordingPolicy {
  /** Outcomes and edits (the setting). */
  activity: boolean;
  /** Runs: tasks, tests and tool uses (the setting, and the workspace being trusted). */
  runs: boolean;
}

export const RECORD_EVERYTHING: Readonly<RecordingPolicy> = { activity: true, runs: true };

/** Whether a span with this action may be recorded under the policy. */
export function mayRecord(policy: RecordingPolicy, did: string): boolean {
  const kind = (ACTIVITY_ACTIONS as Record<string, ActivityKind | undefined>)[did];
  if (kind === undefined) return true;
  return kind === 'run' ? policy.activity && policy.runs : policy.activity;
}
