import { strict as assert } from 'node:assert';
import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';
import { outcomeCalibrationPoints } from './outcomeCalibrationPoints';

function report(id: string, suggestion: string, outcome: string, confidence: unknown, second: number): Span {
  return {
    schema_version: SPAN_SCHEMA_VERSION, id, source: 'editor', who: 'arenalab', did: 'suggest_completion', this: 'a.ts:1',
    when: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), status: outcome === 'dismissed' ? 'failed' : outcome === 'shown' ? 'pending' : 'completed',
    if_ok: 'x();', metadata: { suggestion_id: suggestion, outcome, confidence },
  };
}

describe('outcomeCalibrationPoints', () => {
  it('takes each suggestion once, at its latest report; right = accepted in full and not deleted again', () => {
    const spans: Span[] = [
      report('a-shown', 'a', 'shown', 0.9, 0),
      report('a-accepted', 'a', 'accepted', 0.9, 1),
      report('b-accepted', 'b', 'accepted', 0.8, 2),
      { ...report('b-check', 'b', 'x', 0, 3), did: 'check_retention', status: 'failed', if_not: 'not retained', context: { previous_spans: ['b-accepted'] }, metadata: {} },
      report('c-partial', 'c', 'partially_accepted', 0.7, 4),
      report('d-dismissed', 'd', 'dismissed', 0.6, 5),
      report('e-shown', 'e', 'shown', 0.5, 6),
      report('f-bad', 'f', 'accepted', 'high', 7),
    ];
    assert.deepEqual(outcomeCalibrationPoints(spans), [
      { confidence: 0.9, correct: true },
      { confidence: 0.8, correct: false },
      { confidence: 0.7, correct: false },
      { confidence: 0.6, correct: false },
    ]);
  });
});
