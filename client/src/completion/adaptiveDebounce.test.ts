import { strict as assert } from 'node:assert';
import { AdaptiveDebounce, contextFactor, DEFAULT_DEBOUNCE_OPTIONS, parseDebounceSetting } from './adaptiveDebounce';

const midWord = { linePrefix: '  const valu', lineSuffix: '' };
const afterSpace = { linePrefix: '  const value = ', lineSuffix: '' };

function typed(debounce: AdaptiveDebounce, intervalMs: number, keys: number, startMs = 0): number {
  let at = startMs;
  for (let i = 0; i < keys; i++) debounce.keystroke((at += intervalMs));
  return at;
}

describe('adaptive debounce', () => {
  it('parses "auto", numbers in range, and falls back to auto with a problem otherwise', () => {
    assert.deepEqual(parseDebounceSetting(undefined), { value: 'auto' });
    assert.deepEqual(parseDebounceSetting('auto'), { value: 'auto' });
    assert.deepEqual(parseDebounceSetting(0), { value: 0 });
    assert.deepEqual(parseDebounceSetting(120.4), { value: 120 });
    for (const wrong of [-1, 2001, 'fast', Number.NaN, {}]) {
      const parsed = parseDebounceSetting(wrong);
      assert.equal(parsed.value, 'auto');
      assert.match(parsed.problem ?? '', /arenalab\.completion\.debounceMs: expected "auto" or a number/);
    }
  });

  it('a fixed setting is used as is, whatever the rhythm', () => {
    const debounce = new AdaptiveDebounce();
    typed(debounce, 30, 10);
    debounce.latency(5);
    assert.equal(debounce.delayMs(250, midWord), 250);
    assert.equal(debounce.delayMs(0, afterSpace), 0);
  });

  it('follows the typing rhythm: a slower typist waits longer before a request', () => {
    const fast = new AdaptiveDebounce();
    const slow = new AdaptiveDebounce();
    typed(fast, 60, 20);
    typed(slow, 250, 20);
    assert.equal(fast.typingIntervalMs(), 60);
    assert.equal(slow.typingIntervalMs(), 250);
    assert.ok(fast.delayMs('auto', midWord) < slow.delayMs('auto', midWord));
    assert.equal(fast.delayMs('auto', midWord), 66);
    assert.equal(slow.delayMs('auto', midWord), 275);
  });

  it('pauses between bursts do not count as rhythm; few keystrokes use the default', () => {
    const debounce = new AdaptiveDebounce();
    assert.equal(debounce.typingIntervalMs(), DEFAULT_DEBOUNCE_OPTIONS.defaultIntervalMs);
    const end = typed(debounce, 100, 5);
    typed(debounce, 100, 5, end + 10_000);
    assert.equal(debounce.typingIntervalMs(), 100);
  });

  it('only the recent window counts, so the rhythm adapts', () => {
    const debounce = new AdaptiveDebounce();
    const end = typed(debounce, 300, 20);
    typed(debounce, 80, DEFAULT_DEBOUNCE_OPTIONS.window, end);
    assert.equal(debounce.typingIntervalMs(), 80);
  });

  it('the interval is clamped to the configured bounds', () => {
    const debounce = new AdaptiveDebounce();
    typed(debounce, 5, 10);
    assert.equal(debounce.typingIntervalMs(), DEFAULT_DEBOUNCE_OPTIONS.minIntervalMs);
    typed(debounce, 1200, 40, 1000);
    assert.equal(debounce.typingIntervalMs(), DEFAULT_DEBOUNCE_OPTIONS.maxIntervalMs);
  });

  it('waits less after a word boundary at the end of the line than in the middle of a word', () => {
    assert.equal(contextFactor(midWord), 1.1);
    assert.equal(contextFactor({ linePrefix: 'foo', lineSuffix: 'bar()' }), 1.5);
    assert.equal(contextFactor(afterSpace), 0.6);
    assert.equal(contextFactor({ linePrefix: 'call(', lineSuffix: ')' }), 0.6, 'closing brackets after the cursor still count as line end');
    assert.equal(contextFactor({ linePrefix: '', lineSuffix: '' }), 0.6);
    const debounce = new AdaptiveDebounce();
    typed(debounce, 200, 20);
    assert.equal(debounce.delayMs('auto', afterSpace), 120);
    assert.equal(debounce.delayMs('auto', midWord), 220);
  });

  it('takes the expected server latency off the wait, never below zero nor above the maximum', () => {
    const debounce = new AdaptiveDebounce();
    typed(debounce, 200, 20);
    debounce.latency(100);
    assert.equal(debounce.delayMs('auto', midWord), 120);
    debounce.latency(1000);
    assert.equal(debounce.delayMs('auto', midWord), 0, 'latency smoothed to 370 ms exceeds the wait');
    const slow = new AdaptiveDebounce({ ...DEFAULT_DEBOUNCE_OPTIONS, maxDelayMs: 300 });
    typed(slow, 400, 20);
    assert.equal(slow.delayMs('auto', { linePrefix: 'ab', lineSuffix: 'cd' }), 300);
  });
});
