import { strict as assert } from 'node:assert';
import { clockTime, Snooze, SNOOZE_MINUTES } from './snooze';

/** An injected clock and timers: time moves only when the test says, and due timers then fire. */
function fakeTime(start: number) {
  let now = start;
  let nextId = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    timers: {
      set: (callback: () => void, ms: number) => { pending.set(++nextId, { at: now + ms, callback }); return nextId; },
      clear: (handle: unknown) => void pending.delete(handle as number),
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) { pending.delete(id); timer.callback(); }
      }
    },
    pendingCount: () => pending.size,
  };
}

describe('Snooze', () => {
  const START = Date.UTC(2026, 0, 5, 9, 0);

  function setup() {
    const time = fakeTime(START);
    const changes: (number | undefined)[] = [];
    const snooze = new Snooze({ now: time.now, timers: time.timers, onChange: (until) => changes.push(until) });
    return { time, changes, snooze };
  }

  it('offers 5, 15 and 60 minutes', () => {
    assert.deepEqual(SNOOZE_MINUTES, [5, 15, 60]);
  });

  it('is snoozed until the chosen time, then resumes by itself and says so', () => {
    const { time, changes, snooze } = setup();
    const until = snooze.snoozeFor(15);
    assert.equal(until, START + 15 * 60_000);
    assert.equal(snooze.active, true);
    time.advance(15 * 60_000 - 1);
    assert.equal(snooze.until, until);
    assert.deepEqual(changes, [until]);
    time.advance(1);
    assert.equal(snooze.active, false);
    assert.equal(snooze.until, undefined);
    assert.deepEqual(changes, [until, undefined]);
    assert.equal(time.pendingCount(), 0);
  });

  it('replaces a running snooze by a new one, with one timer', () => {
    const { time, changes, snooze } = setup();
    snooze.snoozeFor(60);
    time.advance(60_000);
    const until = snooze.snoozeFor(5);
    assert.equal(time.pendingCount(), 1);
    time.advance(5 * 60_000);
    assert.equal(snooze.active, false);
    assert.deepEqual(changes, [START + 60 * 60_000, until, undefined]);
  });

  it('resumes early on request, and resuming when not snoozed changes nothing', () => {
    const { time, changes, snooze } = setup();
    snooze.resume();
    assert.deepEqual(changes, []);
    snooze.snoozeFor(5);
    snooze.resume();
    assert.equal(snooze.active, false);
    assert.equal(time.pendingCount(), 0);
    assert.deepEqual(changes, [START + 5 * 60_000, undefined]);
  });

  it('refuses a length that is not a positive number of minutes', () => {
    const { snooze } = setup();
    for (const wrong of [0, -5, Number.NaN]) assert.throws(() => snooze.snoozeFor(wrong), RangeError);
    assert.equal(snooze.active, false);
  });

  it('writes the end as a local HH:MM', () => {
    const at = new Date(2026, 0, 5, 7, 4).getTime();
    assert.equal(clockTime(at), '07:04');
    assert.equal(clockTime(new Date(2026, 0, 5, 23, 59).getTime()), '23:59');
  });
});
