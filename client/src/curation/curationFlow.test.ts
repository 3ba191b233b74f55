import { strict as assert } from 'node:assert';
import { CurationFlow } from './curationFlow';
import { agreed, item, quality, queue } from './curationTestData';

describe('CurationFlow', () => {
  it('shows the first queued span, then the verdict feedback and the new score, then the next span', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a'), item('b')], { remaining: 7 }));
    assert.equal(flow.view().item?.span.id, 'a');
    flow.setBusy(true);
    assert.equal(flow.view().busy, true);
    flow.verdictAnswered(agreed(10));
    const v = flow.view();
    assert.deepEqual([v.busy, v.feedback?.message, v.score.xp, v.remaining, flow.judged], [false, '+10 XP, good intuition!', 10, 6, true]);
    assert.equal(flow.next(), true);
    assert.deepEqual([flow.view().item?.span.id, flow.view().feedback, flow.judged], ['b', undefined, false]);
    assert.equal(flow.next(), false, 'the batch is used up: the panel asks for more');
  });

  it('keeps the card and shows the reason when a verdict is refused', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a')]));
    flow.verdictAnswered({ ok: false, reason: 'span a is not in the curation queue' });
    assert.deepEqual([flow.view().problem, flow.judged, flow.view().item?.span.id], ['span a is not in the curation queue', false, 'a']);
  });

  it('moves on after deep analysis of an unjudged card (its scores were seen), but not of a judged one', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a'), item('b'), item('c')]));
    flow.setMode('deep');
    assert.equal(flow.view().item?.span.id, 'a');
    assert.equal(flow.setMode('rapid'), true);
    assert.equal(flow.view().item?.span.id, 'b');
    flow.verdictAnswered(agreed(10));
    flow.setMode('deep');
    flow.setMode('rapid');
    assert.equal(flow.view().item?.span.id, 'b', 'a judged card stays with its feedback');
  });

  it('keeps a rescore while in deep analysis and drops it when the card changes', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a'), item('b')]));
    flow.setMode('deep');
    flow.rescoreAnswered({ ok: true, span: item('a').span, before: quality(60, 'needs_enrichment'), after: quality(82), delta: { total_score: 22 } });
    assert.equal(flow.view().rescore?.after.total, 82);
    flow.rescoreAnswered({ ok: false, reason: 'context.stakes: must be one of low, medium, high', field: 'context.stakes' });
    assert.equal(flow.view().problem, 'context.stakes: must be one of low, medium, high');
    flow.next();
    assert.equal(flow.view().rescore, undefined);
  });
});
