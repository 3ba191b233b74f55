import { strict as assert } from 'node:assert';
import type { FeedbackParams } from '@arenalab/protocol';
import { SuggestionTracker } from './suggestionTracker';
import type { DisplayedSuggestion, TimerPort } from './suggestionTracker';

// Test support for the SuggestionTracker tests: fake timers, a tracker that records what it reports, and suggestions.

/** Timers that fire only when the test advances time. */
export class FakeTimers implements TimerPort {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { at: this.now + ms, callback });
    return handle;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.pending]) {
      if (timer.at <= this.now) {
        this.pending.delete(handle);
        timer.callback();
      }
    }
  }

  get count(): number {
    return this.pending.size;
  }
}

export const URI = 'file:///w/a.ts';

export function setup(timeoutMs = 15_000) {
  const reports: FeedbackParams[] = [];
  const activity: boolean[] = [];
  const timers = new FakeTimers();
  const tracker = new SuggestionTracker({ report: (p) => reports.push(p), timers, dismissTimeoutMs: timeoutMs, onActiveChange: (a) => activity.push(a) });
  return { reports, activity, timers, tracker };
}

/** `const x = compute(a, b);` typed up to `const x = ` at offset 100; the suggestion continues it. */
export function suggestion(id: string, over: Partial<DisplayedSuggestion> = {}): DisplayedSuggestion {
  return { id, uri: URI, anchor: 110, before: '', ghost: 'compute(a, b);', ...over };
}

export const insert = (offset: number, text: string, uri = URI) => ({ uri, offset, length: 0, text });

/** Every shown id ends exactly once, after being shown. */
export function assertOneTerminalEach(reports: readonly FeedbackParams[]): void {
  const state = new Map<string, string>();
  for (const r of reports) {
    if (r.outcome === 'shown') {
      assert.equal(state.has(r.suggestionId), false, `${r.suggestionId} shown twice`);
      state.set(r.suggestionId, 'shown');
    } else {
      assert.equal(state.get(r.suggestionId), 'shown', `${r.suggestionId} ${r.outcome} without being shown, or after ending`);
      state.set(r.suggestionId, r.outcome);
    }
  }
  for (const [id, s] of state) assert.notEqual(s, 'shown', `${id} never ended`);
}
