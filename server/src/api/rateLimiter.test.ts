import { strict as assert } from 'node:assert';
import { fixedClock } from '@arenalab/core';
import { RateLimiter } from './rateLimiter';

describe('api: RateLimiter (injected clock)', () => {
  it('keeps keys apart, and a refused request does not use up the window', () => {
    const clock = fixedClock(0);
    const limiter = new RateLimiter({ perMinute: 2, perDay: 0 }, clock);
    assert.deepEqual([limiter.take('a').allowed, limiter.take('a').allowed, limiter.take('a').allowed], [true, true, false]);
    assert.equal(limiter.take('b').allowed, true, 'another key has its own window');
    clock.advance(59_999);
    assert.equal(limiter.take('a').retryAfterS, 1);
    clock.advance(1);
    const reopened = limiter.take('a');
    assert.equal(reopened.allowed, true);
    assert.equal(reopened.headers['x-ratelimit-remaining-requests'], '1');
    assert.equal(reopened.headers['x-ratelimit-limit-requests-day'], undefined, '0 turns the day window off');
  });

  it('the day window refuses once its quota is spent even when the minute window has room, until the day has passed', () => {
    const clock = fixedClock(0);
    const limiter = new RateLimiter({ perMinute: 60, perDay: 3 }, clock);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.take('k').allowed, true);
      clock.advance(61_000);
    }
    const refused = limiter.take('k');
    assert.equal(refused.allowed, false);
    assert.equal(refused.retryAfterS, 24 * 3600 - 3 * 61);
    assert.equal(refused.headers['x-ratelimit-remaining-requests-day'], '0');
    assert.equal(refused.headers['x-ratelimit-reset-requests-day'], '23h56m57s');
    clock.advance(refused.retryAfterS * 1000);
    assert.equal(limiter.take('k').allowed, true);
  });
});
