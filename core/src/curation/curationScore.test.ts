import { strict as assert } from 'node:assert';
import { applyVerdict, EMPTY_CURATION_SCORE } from './curationScore';
import type { CurationScore } from './curationScore';
import { curationLevel, DEFAULT_CURATION_RULES, isCurationVerdict } from './curationRules';

describe('curation rules: applyVerdict', () => {
  it('gives +10 XP for a verdict that agrees with the meter within 5 seconds, and starts a streak', () => {
    const r = applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'diamond', elapsedMs: 1200, meterClass: 'diamond' });
    assert.equal(r.outcome, 'agreed');
    assert.equal(r.xpGained, 10);
    assert.deepEqual(r.score, { xp: 10, streak: 1, bestStreak: 1, judged: 1, agreed: 1 });
    assert.equal(r.message, '+10 XP, good intuition!');
  });

  it('maps the meter classes to the buttons: needs_enrichment is maybe, discarded is trash', () => {
    assert.equal(applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'maybe', elapsedMs: 0, meterClass: 'needs_enrichment' }).outcome, 'agreed');
    assert.equal(applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'trash', elapsedMs: 5000, meterClass: 'discarded' }).outcome, 'agreed');
    const wrong = applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'diamond', elapsedMs: 10, meterClass: 'discarded' });
    assert.equal(wrong.expected, 'trash');
  });

  it('pays a capped streak bonus: 10, 12, 14, 16, 18, 20, 20', () => {
    let score: CurationScore = EMPTY_CURATION_SCORE;
    const gains: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = applyVerdict(score, { verdict: 'trash', elapsedMs: 100, meterClass: 'discarded' });
      gains.push(r.xpGained);
      score = r.score;
    }
    assert.deepEqual(gains, [10, 12, 14, 16, 18, 20, 20]);
    assert.equal(score.xp, 110);
    assert.equal(score.bestStreak, 7);
  });

  it('a disagreement earns nothing, resets the streak, keeps the best streak, and names the meter verdict', () => {
    const start: CurationScore = { xp: 40, streak: 3, bestStreak: 3, judged: 3, agreed: 3 };
    const r = applyVerdict(start, { verdict: 'diamond', elapsedMs: 900, meterClass: 'needs_enrichment' });
    assert.equal(r.outcome, 'disagreed');
    assert.equal(r.xpGained, 0);
    assert.deepEqual(r.score, { xp: 40, streak: 0, bestStreak: 3, judged: 4, agreed: 3 });
    assert.match(r.message, /meter says maybe/);
  });

  it('a verdict after the 5-second limit (or with a nonsense duration) is late even when it agrees', () => {
    const start: CurationScore = { xp: 10, streak: 1, bestStreak: 1, judged: 1, agreed: 1 };
    for (const elapsedMs of [5001, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = applyVerdict(start, { verdict: 'diamond', elapsedMs, meterClass: 'diamond' });
      assert.equal(r.outcome, 'late', String(elapsedMs));
      assert.equal(r.xpGained, 0);
      assert.equal(r.score.streak, 0);
      assert.equal(r.score.judged, 2);
    }
  });

  it('honours rules passed explicitly', () => {
    const rules = { ...DEFAULT_CURATION_RULES, timeLimitMs: 1000, xpPerAgreement: 5 };
    assert.equal(applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'diamond', elapsedMs: 1500, meterClass: 'diamond' }, rules).outcome, 'late');
    assert.equal(applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'diamond', elapsedMs: 500, meterClass: 'diamond' }, rules).xpGained, 5);
  });

  it('levels every 100 XP and recognises only the three verdicts', () => {
    assert.deepEqual([0, 99, 100, 250].map((xp) => curationLevel(xp)), [1, 1, 2, 3]);
    assert.ok(isCurationVerdict('maybe'));
    assert.ok(!isCurationVerdict('Diamond'));
    assert.ok(!isCurationVerdict(undefined));
  });
});
