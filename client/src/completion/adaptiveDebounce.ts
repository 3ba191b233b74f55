import { boundsText, SETTINGS, withinBounds } from '@arenalab/protocol';

/** `arenalab.completion.debounceMs`: `auto` adapts to the typing rhythm and the server's latency; a number is fixed. */
export type DebounceSetting = 'auto' | number;

/** The setting's number form: a fixed delay in milliseconds. */
const FIXED_DELAY = SETTINGS['completion.debounceMs'].anyOf[1];

/** Reads the setting as written in settings.json; a wrong value falls back to `auto` with a readable problem. */
export function parseDebounceSetting(raw: unknown): { value: DebounceSetting; problem?: string } {
  if (raw === undefined || raw === null || raw === 'auto') return { value: 'auto' };
  if (withinBounds(raw, FIXED_DELAY)) return { value: Math.round(raw) };
  return { value: 'auto', problem: `arenalab.completion.debounceMs: expected "auto" or a number of milliseconds ${boundsText(FIXED_DELAY)}, got ${JSON.stringify(raw)}; using "auto"` };
}

/** Where the cursor is when a suggestion is requested. */
export interface CursorContext {
  /** The line before the cursor. */
  linePrefix: string;
  /** The line after the cursor. */
  lineSuffix: string;
}

export interface AdaptiveDebounceOptions {
  /** Keystroke intervals averaged; older ones are forgotten so the rhythm follows the developer. */
  window: number;
  /** A gap longer than this is a pause, not part of the typing rhythm. */
  pauseMs: number;
  /** The rhythm assumed before enough keystrokes were seen. */
  defaultIntervalMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Longest delay `auto` ever chooses. */
  maxDelayMs: number;
}

export const DEFAULT_DEBOUNCE_OPTIONS: Readonly<AdaptiveDebounceOptions> = {
  window: 20,
  pauseMs: 1500,
  defaultIntervalMs: 150,
  minIntervalMs: 40,
  maxIntervalMs: 400,
  maxDelayMs: 500,
};

/** Smoothing of the server latency estimate: recent answers count most, one slow answer does not dominate. */
const LATENCY_WEIGHT = 0.3;

/**
 * The pause before an automatic suggestion request, in the manner of Tabby's adaptive debounce. The base is the
 * developer's own keystroke interval: waiting about that long tells "still typing" from "paused". It is shortened
 * where a suggestion is most likely wanted (after a space or punctuation, at the end of the line), lengthened in the
 * middle of a word, and the expected server latency is taken off, since the answer takes that long anyway.
 */
export class AdaptiveDebounce {
  private readonly intervals: number[] = [];
  private lastKeystrokeMs: number | undefined;
  private latencyMs: number | undefined;

  constructor(private readonly options: AdaptiveDebounceOptions = DEFAULT_DEBOUNCE_OPTIONS) {}

  /** A keystroke (a small insertion by typing) at this time. */
  keystroke(atMs: number): void {
    const last = this.lastKeystrokeMs;
    this.lastKeystrokeMs = atMs;
    if (last === undefined) return;
    const gap = atMs - last;
    if (gap <= 0 || gap > this.options.pauseMs) return;
    this.intervals.push(gap);
    if (this.intervals.length > this.options.window) this.intervals.shift();
  }

  /** How long the server took to answer a request. */
  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.latencyMs = this.latencyMs === undefined ? ms : this.latencyMs + LATENCY_WEIGHT * (ms - this.latencyMs);
  }

  /** The typing rhythm in use: the mean recent keystroke interval, within bounds. */
  typingIntervalMs(): number {
    const { minIntervalMs, maxIntervalMs, defaultIntervalMs } = this.options;
    if (this.intervals.length < 3) return defaultIntervalMs;
    const mean = this.intervals.reduce((sum, gap) => sum + gap, 0) / this.intervals.length;
    return Math.min(maxIntervalMs, Math.max(minIntervalMs, mean));
  }

  /** The delay for a request at this cursor under the setting: fixed, or adapted. */
  delayMs(setting: DebounceSetting, cursor: CursorContext): number {
    if (setting !== 'auto') return setting;
    const raw = contextFactor(cursor) * this.typingIntervalMs() - (this.latencyMs ?? 0);
    return Math.round(Math.min(this.options.maxDelayMs, Math.max(0, raw)));
  }
}

/** 1.5 in the middle of a word down to 0.6 after a word boundary at the end of the line. */
export function contextFactor(cursor: CursorContext): number {
  const previous = cursor.linePrefix.at(-1);
  const atBoundary = previous === undefined || !/[\p{L}\p{N}_$]/u.test(previous);
  const atLineEnd = cursor.lineSuffix.trim() === '' || /^[\s)\]}>;,'"`]*$/.test(cursor.lineSuffix);
  return 1.5 - (atBoundary ? 0.5 : 0) - (atLineEnd ? 0.4 : 0);
}
