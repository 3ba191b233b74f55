import { strict as assert } from 'node:assert';
import type { Span } from '../spans/span';
import { forgetRecordOf, forgetSpan, withoutForgotten } from './forgetting';

const span = (id: string, extra: Partial<Span> = {}): Span => ({
  schema_version: 1, id, source: 'editor', who: 'arenalab', did: 'suggest_completion', this: 'a.ts:1', when: '2024-06-01T00:00:00.000Z', status: 'completed', ...extra,
});
const tombstone = (ids: string[], file?: string): Span => ({ ...forgetSpan({ spanIds: ids, ...(file ? { file } : {}), whenMs: Date.UTC(2024, 5, 2) }), id: `forget_${ids.join('_')}` });

describe('forgetting: tombstones in an append-only store', () => {
  it('keeps every span but the tombstones when nothing named is stored', () => {
    const spans = [span('a'), span('b'), tombstone(['zzz'])];
    assert.deepEqual(withoutForgotten(spans).map((s) => s.id), ['a', 'b']);
  });

  it('drops the named spans, what cites them and what was derived from them, transitively, and the tombstone', () => {
    const spans = [
      span('s1'),
      span('check1', { did: 'check_retention', context: { previous_spans: ['s1'] } }),
      span('diamond1', { did: 'write_code', metadata: { derived_from: ['s1', 'check1'] } }),
      span('synthetic', { did: 'write_code', metadata: { derived_from: ['diamond1'] } }),
      span('s2'),
      span('check2', { did: 'check_retention', context: { previous_spans: ['s2'] } }),
      tombstone(['s1']),
    ];
    assert.deepEqual(withoutForgotten(spans).map((s) => s.id), ['s2', 'check2']);
  });

  it('reads a tombstone back, and nothing from other spans', () => {
    assert.deepEqual(forgetRecordOf(tombstone(['x', 'y'], 'src/a.ts')), { spanIds: ['x', 'y'], file: 'src/a.ts' });
    assert.equal(forgetRecordOf(span('a')), undefined);
  });
});
