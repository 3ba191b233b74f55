import type { TaskResultKind, TaskResultParams } from '@arenalab/protocol';

/** How a run ended, as far as the editor knows. */
export interface RunEnd {
  /** Undefined when the editor does not know it (a task killed, a debug adapter that never sent `exited`). */
  exitCode?: number;
  passed?: number;
  failed?: number;
  /** The document in the focused editor when the run ended. */
  activeUri?: string;
}

/** Why an ended run is not reported. */
export type RunSkip = { skipped: string };

interface Running {
  name: string;
  kind: TaskResultKind;
  startedMs: number;
  exitCode?: number;
}

/** Cap on remembered saves, so a long session without runs cannot grow without bound. */
const MAX_SAVED = 200;

/**
 * Tasks, debug sessions and test runs from start to `arenalab/taskResult`: name, kind, exit code, duration, and the
 * documents the run concerns (the focused one and those saved since the previous run ended), so the server can link
 * the run to the suggestions accepted in them. A run whose exit code is unknown is not reported: a result without
 * one would record a failure or a success that did not happen.
 */
export class RunTracker {
  private readonly running = new Map<unknown, Running>();
  private readonly savedSinceLastRun = new Set<string>();

  constructor(private readonly now: () => number) {}

  started(key: unknown, name: string, kind: TaskResultKind): void {
    this.running.set(key, { name, kind, startedMs: this.now() });
  }

  /** An exit code learnt before the end (a debug adapter's `exited` event). */
  exited(key: unknown, exitCode: number): void {
    const run = this.running.get(key);
    if (run && Number.isInteger(exitCode)) run.exitCode = exitCode;
  }

  saved(uri: string): void {
    this.savedSinceLastRun.delete(uri);
    this.savedSinceLastRun.add(uri);
    if (this.savedSinceLastRun.size > MAX_SAVED) this.savedSinceLastRun.delete(this.savedSinceLastRun.values().next().value as string);
  }

  /** The run ended: its result, or why there is none. Starts a new "saved since" period either way. */
  ended(key: unknown, end: RunEnd): TaskResultParams | RunSkip {
    const run = this.running.get(key);
    this.running.delete(key);
    if (!run) return { skipped: 'its start was not seen' };
    const uris = [...new Set([...(end.activeUri ? [end.activeUri] : []), ...this.savedSinceLastRun])];
    this.savedSinceLastRun.clear();
    const exitCode = end.exitCode ?? run.exitCode;
    if (exitCode === undefined || !Number.isInteger(exitCode)) return { skipped: `${run.kind} "${run.name}" ended without an exit code` };
    return {
      name: run.name,
      kind: run.kind,
      exitCode,
      durationMs: Math.max(0, this.now() - run.startedMs),
      ...(end.passed !== undefined ? { passed: end.passed } : {}),
      ...(end.failed !== undefined ? { failed: end.failed } : {}),
      ...(uris.length > 0 ? { uris } : {}),
    };
  }
}

export function isSkip(result: TaskResultParams | RunSkip): result is RunSkip {
  return 'skipped' in result;
}
