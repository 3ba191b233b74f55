import { strict as assert } from 'node:assert';
import { scoreSpan } from '../quality/scoreSpan';
import type { Span } from '../spans/span';
import { validateSpan } from '../spans/validateSpan';
import { applyVerdict, EMPTY_CURATION_SCORE } from './curationScore';
import { judgedSpanIds, judgementSpan, restoreCurationScore } from './judgementSpan';
import { pickCurationQueue } from './pickCurationQueue';

const span = (id: string, when: string, did = 'ask_question'): Span => ({
  schema_version: 1, id, source: 'chat_import', who: 'user', did, this: `question ${id}`, when, status: 'completed', context: { environment: 'programming' }, if_ok: 'an answer',
});

describe('curation: judgement spans', () => {
  const judged = span('sp_a', '2024-01-01T00:00:00Z');
  const metrics = scoreSpan(judged);
  const result = applyVerdict(EMPTY_CURATION_SCORE, { verdict: 'trash', elapsedMs: 812.4, meterClass: metrics.class });

  it('is a valid judge_span span linked to the judged span, carrying verdict, meter and score', () => {
    const draft = judgementSpan({ span: judged, verdict: 'trash', elapsedMs: 812.4, metrics, result, whenMs: Date.UTC(2024, 0, 2) });
    const checked = validateSpan(draft);
    assert.ok(checked.ok, JSON.stringify(checked));
    const value = checked.span;
    assert.equal(value?.did, 'judge_span');
    assert.equal(value?.this, 'sp_a');
    assert.equal(value?.when, '2024-01-02T00:00:00.000Z');
    assert.deepEqual(value?.context?.previous_spans, ['sp_a']);
    assert.equal(value?.metadata?.verdict, 'trash');
    assert.equal(value?.metadata?.meter_class, metrics.class);
    assert.equal(value?.metadata?.elapsed_ms, 812);
    assert.equal(value?.metadata?.xp, result.score.xp);
  });

  it('restores the score of the latest judgement and lists judged ids', () => {
    const mk = (when: string, xp: number) => ({ ...span(`j${xp}`, when, 'judge_span'), this: `t${xp}`, metadata: { xp, streak: 2, best_streak: 4, judged: 9, agreed: 7 } });
    const spans = [mk('2024-01-02T00:00:00Z', 50), mk('2024-01-03T00:00:00Z', 80), mk('2024-01-01T00:00:00Z', 20), judged];
    assert.deepEqual(restoreCurationScore(spans), { xp: 80, streak: 2, bestStreak: 4, judged: 9, agreed: 7 });
    assert.deepEqual([...judgedSpanIds(spans)].sort(), ['t20', 't50', 't80']);
    assert.deepEqual(restoreCurationScore([judged]), EMPTY_CURATION_SCORE);
    const broken = { ...mk('2024-01-04T00:00:00Z', 1), metadata: { xp: 'lots', streak: -3 } };
    assert.deepEqual(restoreCurationScore([broken]), EMPTY_CURATION_SCORE);
  });

  it('queues unjudged spans newest first, never a judgement, and counts what remains', () => {
    const scored = [span('a', '2024-01-01T00:00:00Z'), span('b', '2024-01-03T00:00:00Z'), span('c', '2024-01-02T00:00:00Z'), span('j', '2024-01-04T00:00:00Z', 'judge_span'), span('d', '2024-01-02T00:00:00Z')]
      .map((s) => ({ span: s, metrics: scoreSpan(s) }));
    const { items, remaining } = pickCurationQueue(scored, new Set(['b']), 2);
    assert.deepEqual(items.map((i) => i.span.id), ['c', 'd']);
    assert.equal(remaining, 3);
    assert.equal(pickCurationQueue(scored, new Set(), -4).items.length, 0);
  });
});
