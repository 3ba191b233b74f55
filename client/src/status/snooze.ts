/** The snooze lengths the status bar menu offers, in minutes. */
export const SNOOZE_MINUTES: readonly number[] = [5, 15, 60];

export interface SnoozeTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Suggestions paused until a time: `snoozeFor` starts (or replaces) a snooze, `resume` ends it early, and at the end
 * it resumes by itself and calls `onChange`, so the status bar never says "snoozed" after the time has passed. Time
 * and timers are injected.
 */
export class Snooze {
  private untilMs: number | undefined;
  private timer: unknown;

  constructor(private readonly deps: { now(): number; timers: SnoozeTimers; onChange(until: number | undefined): void }) {}

  /** When the snooze ends (epoch ms), or undefined when suggestions are not snoozed. */
  get until(): number | undefined {
    return this.untilMs !== undefined && this.deps.now() < this.untilMs ? this.untilMs : undefined;
  }

  get active(): boolean {
    return this.until !== undefined;
  }

  snoozeFor(minutes: number): number {
    if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`snooze: expected a positive number of minutes, got ${minutes}`);
    this.clearTimer();
    const until = this.deps.now() + minutes * 60_000;
    this.untilMs = until;
    this.timer = this.deps.timers.set(() => this.end(), until - this.deps.now());
    this.deps.onChange(until);
    return until;
  }

  resume(): void {
    if (this.untilMs === undefined) return;
    this.end();
  }

  dispose(): void {
    this.clearTimer();
  }

  private end(): void {
    this.clearTimer();
    this.untilMs = undefined;
    this.deps.onChange(undefined);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.timers.clear(this.timer);
    this.timer = undefined;
  }
}

/** `14:05`: the local time a snooze ends, as the status bar shows it. */
export function clockTime(epochMs: number): string {
  const at = new Date(epochMs);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
