import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Span } from '../spans/span';
import { actionKeywordDomain, inferEmotion, inferStakes, sentimentScore } from './inferContext';
import { loadSpans } from './matchingTestSupport';
import { reconstructTrajectory, spanOutcome, walkBack } from './reconstructTrajectory';

const spans = loadSpans('chains.jsonl');
const byId = new Map(spans.map((span) => [span.id, span]));
const lookup = (id: string): Span | undefined => byId.get(id);
const limits = { maxDepth: 10, fullConfidenceDepth: 5 };
const trajectoryOf = (id: string) => reconstructTrajectory(byId.get(id)!, lookup, limits);
const ids = (list: readonly Span[]) => list.map((span) => span.id);

describe('matching: trajectory reconstruction', () => {
  it('walks back through previous_spans, oldest first, with confidence min(1, depth / 5)', () => {
    const t = trajectoryOf('c3');
    assert.deepEqual(ids(t.spans), ['c0', 'c1', 'c2', 'c3']);
    assert.equal(t.depth, 3);
    assert.equal(t.confidence, 0.6);
    assert.equal(t.ended_by, 'start');
    assert.deepEqual(t.context.previous_actions, ['open_file', 'edit_file', 'run_tests']);
    assert.deepEqual(t.context.previous_outcomes, ['completed', 'completed', 'completed']);
    assert.equal(t.outcome, 'Step 3 is done.');
    assert.equal(trajectoryOf('c0').confidence, 0);
  });

  it('stops at the maximum depth of 10 earlier spans', () => {
    const t = trajectoryOf('c11');
    assert.deepEqual(ids(t.spans), ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11']);
    assert.equal(t.depth, 10);
    assert.equal(t.ended_by, 'max_depth');
    assert.equal(t.confidence, 1);
    assert.equal(reconstructTrajectory(byId.get('c11')!, lookup, { maxDepth: 2, fullConfidenceDepth: 5 }).depth, 2);
  });

  it('follows the last of several previous ids', () => {
    assert.deepEqual(ids(trajectoryOf('c5').spans), ['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('stops on a cycle instead of looping', () => {
    const loop = trajectoryOf('loop-a');
    assert.deepEqual(ids(loop.spans), ['loop-b', 'loop-a']);
    assert.equal(loop.ended_by, 'cycle');
    const self = trajectoryOf('self-loop');
    assert.deepEqual(ids(self.spans), ['self-loop']);
    assert.equal(self.ended_by, 'cycle');
  });

  it('stops at an unknown id and then uses the span’s own recorded history', () => {
    const t = trajectoryOf('broken');
    assert.equal(t.ended_by, 'missing');
    assert.equal(t.depth, 0);
    assert.deepEqual(t.context.previous_actions, ['open_file', 'edit_file']);
  });

  it('infers domain, stakes and emotion from keywords when no span states them', () => {
    const t = trajectoryOf('infer-2');
    assert.deepEqual(t.context, {
      environment: 'programming',
      stakes: 'high',
      emotional_state: 'positive',
      previous_actions: ['debug_code'],
      previous_outcomes: ['completed'],
    });
    const story = trajectoryOf('infer-3');
    assert.equal(story.context.environment, 'creative_writing');
    assert.equal(story.context.emotional_state, 'negative');
  });

  it('never reads the stakes from the outcome being predicted', () => {
    const span: Span = { schema_version: 1, id: 'x', source: 'editor', who: 'dev', did: 'rename', this: 'a variable', when: '2024-01-01T00:00:00Z', status: 'completed', if_ok: 'urgent critical deadline' };
    assert.equal(reconstructTrajectory(span, () => undefined, limits).context.stakes, 'low');
  });

  it('lets explicit context fields, nearest first, win over inference', () => {
    const earlier: Span = { schema_version: 1, id: 'e', source: 'editor', who: 'dev', did: 'debug_code', this: 'urgent', when: '2024-01-01T00:00:00Z', status: 'completed', context: { environment: 'devops', stakes: 'low', emotional_state: 'focused' } };
    const target: Span = { ...earlier, id: 't', context: { previous_spans: ['e'], environment: 'Programming/Go' } };
    const t = reconstructTrajectory(target, (id) => (id === 'e' ? earlier : undefined), limits);
    assert.deepEqual([t.context.environment, t.context.stakes, t.context.emotional_state], ['programming/go', 'low', 'focused']);
  });

  it('takes if_not as the outcome of a failed span', () => {
    const failed = { ...byId.get('c1')!, status: 'failed' as const, if_not: 'It broke.' };
    assert.equal(spanOutcome(failed), 'It broke.');
    assert.equal(spanOutcome({ ...failed, status: 'pending', if_ok: undefined, if_not: undefined }), undefined);
  });

  it('never revisits a span and never exceeds the depth on any graph of previous_spans', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 10 }), (links, maxDepth) => {
        const graph = links.map((previous, i): Span => ({ schema_version: 1, id: `n${i}`, source: 'editor', who: 'dev', did: 'step', this: `${i}`, when: '2024-01-01T00:00:00Z', status: 'completed', context: { previous_spans: previous.map((p) => `n${p}`) } }));
        const find = (id: string) => graph.find((span) => span.id === id);
        for (const start of graph) {
          const walk = walkBack(start, find, maxDepth);
          assert.equal(new Set(ids(walk.spans)).size, walk.spans.length);
          assert.ok(walk.spans.length - 1 <= maxDepth);
          assert.equal(walk.spans[walk.spans.length - 1], start);
        }
      }),
    );
  });
});

describe('matching: keyword inference', () => {
  it('scores sentiment in [-1, 1] so one clear word decides (the seed divided by 10)', () => {
    assert.equal(sentimentScore('a great result'), 1);
    assert.equal(sentimentScore('the build failed with errors'), -1);
    assert.equal(sentimentScore('good but wrong'), 0);
    assert.equal(sentimentScore('nothing to see'), undefined);
    assert.equal(inferEmotion(['a great result', 'nothing to see']), 'positive');
    assert.equal(inferEmotion(['nothing here']), 'neutral');
  });

  it('matches keywords as words, not inside other words', () => {
    assert.equal(sentimentScore('put on a glove and a badge'), undefined);
    assert.equal(inferStakes('mustard and a needle'), 'low');
    assert.equal(inferStakes('we need this soon'), 'medium');
    assert.equal(inferStakes('an important deadline'), 'high');
    assert.equal(actionKeywordDomain(['decode_base64']), undefined);
    assert.equal(actionKeywordDomain(['analyze_data']), 'analysis');
  });
});
