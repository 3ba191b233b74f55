/** A file reported changed, created or deleted on disk. */
export interface FileChange {
  uri: string;
  deleted: boolean;
}

/** Schedules `run` after `delayMs`; returns what cancels it (the retention timer has this shape). */
export interface BatchTimer {
  schedule(delayMs: number, run: () => void): () => void;
}

export interface FileChangeBatchDeps {
  timer: BatchTimer;
  /** Applies one batch (each file once, its last reported state); batches are applied one after another. */
  apply(changes: readonly FileChange[]): Promise<void>;
  /** Says that a batch failed (the error log). */
  logError(line: string): void;
  /** How long the reports must pause before the batch is applied. */
  settleMs?: number;
  /** The longest a report waits while reports keep coming (a long build that writes a file every 100 ms). */
  maxWaitMs?: number;
}

/**
 * Gathers watched-file reports into batches: a `git checkout` reported in many notifications becomes one batch,
 * and a file reported several times in it (written, then deleted) is applied once, in its last state.
 */
export class FileChangeBatch {
  private pending = new Map<string, boolean>();
  private cancelSettle: (() => void) | undefined;
  private cancelMaxWait: (() => void) | undefined;
  private applying: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly deps: FileChangeBatchDeps) {}

  add(changes: readonly FileChange[]): void {
    if (this.disposed || changes.length === 0) return;
    for (const change of changes) {
      // Re-inserted, so the batch keeps the order of the last reports.
      this.pending.delete(change.uri);
      this.pending.set(change.uri, change.deleted);
    }
    this.cancelSettle?.();
    this.cancelSettle = this.deps.timer.schedule(this.deps.settleMs ?? 150, () => this.flush());
    this.cancelMaxWait ??= this.deps.timer.schedule(this.deps.maxWaitMs ?? 2000, () => this.flush());
  }

  /** Drops what was not applied yet (the server is shutting down and the index goes with it). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimers();
    this.pending.clear();
  }

  private flush(): void {
    this.cancelTimers();
    if (this.pending.size === 0) return;
    const batch = [...this.pending].map(([uri, deleted]) => ({ uri, deleted }));
    this.pending = new Map();
    this.applying = this.applying
      .then(() => (this.disposed ? undefined : this.deps.apply(batch)))
      .catch((error: unknown) => this.deps.logError(`applying ${batch.length} changed files failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  private cancelTimers(): void {
    this.cancelSettle?.();
    this.cancelMaxWait?.();
    this.cancelSettle = undefined;
    this.cancelMaxWait = undefined;
  }
}
