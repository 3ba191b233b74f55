import { strict as assert } from 'node:assert';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { CancelledError } from '../ports/cancellation';
import { datasetOf, loadSpans, matcherOf } from './matchingTestSupport';
import { InvalidTrajectoryWeightError } from './selectTrajectories';
import { TrajectoryMatcher } from './trajectoryMatcher';
import { TrajectoryWeights } from '../learning/trajectoryWeights';

const devops = { environment: 'devops/kubernetes', stakes: 'high' as const };
const python = { environment: 'programming/python', stakes: 'low' as const };

describe('matching: TrajectoryMatcher', () => {
  it('answers the seed’s fallback on an empty dataset', async () => {
    const matcher = await TrajectoryMatcher.create(datasetOf([]), new HashingEmbedder());
    const prediction = await matcher.predict({ environment: 'programming' }, 'run_tests');
    assert.equal(prediction.method, 'fallback');
    assert.equal(prediction.confidence, 10);
    assert.equal(prediction.trajectories_used, 0);
    assert.deepEqual([prediction.alternatives, prediction.provenance], [[], []]);
  });

  it('finds spans by exact, fuzzy and semantic action match, each once, strongest way first', async () => {
    const matcher = await matcherOf(['actions.jsonl']);
    const trace = await matcher.match(python, 'run_tests');
    assert.deepEqual(trace.candidates.map((c) => `${c.spanId}:${c.matchedBy}`), ['a-exact-1:exact', 'a-exact-2:exact', 'a-pending:exact', 'a-case:fuzzy', 'a-fuzzy:fuzzy', 'a-semantic:semantic']);
    // The pending span has no outcome, so it is found but cannot vote.
    assert.ok(!trace.compared.some((c) => c.trajectory.id === 'a-pending'));
    const strict = await matcherOf(['actions.jsonl'], { fuzzyThreshold: 0.95, semanticMinSimilarity: 0.9 });
    assert.deepEqual((await strict.match(python, 'run_tests')).candidates.map((c) => c.spanId), ['a-exact-1', 'a-exact-2', 'a-pending', 'a-case']);
  });

  it('gives identical output for the same input, within one matcher and across two', async () => {
    const first = await matcherOf(['outcomes.jsonl', 'contexts.jsonl']);
    const second = await matcherOf(['outcomes.jsonl', 'contexts.jsonl']);
    const query = { environment: 'data/postgres', stakes: 'medium' as const };
    const a = await first.predict(query, 'migrate_database');
    assert.deepEqual(await first.predict(query, 'migrate_database'), a);
    assert.deepEqual(await second.predict(query, 'migrate_database'), a);
  });

  it('lets weights decide which trajectories make the top K', async () => {
    const matcher = await matcherOf(['outcomes.jsonl'], { topK: 1 });
    const plain = await matcher.predict(devops, 'deploy_service');
    assert.deepEqual(plain.provenance.map((p) => p.spanId), ['d-fail']);
    const trusted = await matcher.predict(devops, 'deploy_service', { weights: (id) => (id === 'd-ok-3' ? 2 : 1) });
    assert.deepEqual(trusted.provenance, [{ spanId: 'd-ok-3', similarity: plain.provenance[0].similarity, matchedBy: 'exact', weight: 2 }]);
    assert.equal(trusted.output, 'The rollout finished and all the pods became healthy.');
  });

  it('ranks by weights learned from outcomes when a call passes none of its own', async () => {
    const weights = new TrajectoryWeights();
    const dataset = datasetOf(loadSpans('outcomes.jsonl'));
    const matcher = await TrajectoryMatcher.create(dataset, new HashingEmbedder(), { topK: 1 }, { weights });
    assert.deepEqual((await matcher.predict(devops, 'deploy_service')).provenance.map((p) => p.spanId), ['d-fail']);
    weights.apply([
      { source: 'd-fail', outcome: 'failed', outcomeId: 'run-1' },
      { source: 'd-fail', outcome: 'failed', outcomeId: 'run-2' },
      { source: 'd-ok-3', outcome: 'passed', outcomeId: 'run-3' },
      { source: 'd-ok-3', outcome: 'passed', outcomeId: 'run-4' },
    ]);
    const learned = await matcher.predict(devops, 'deploy_service');
    assert.deepEqual(learned.provenance.map((p) => [p.spanId, p.weight]), [['d-ok-3', 1.2]]);
    weights.unlearnOutcome('run-3');
    weights.unlearnOutcome('run-4');
    weights.unlearnSource('d-fail');
    assert.deepEqual(await matcher.predict(devops, 'deploy_service'), await (await TrajectoryMatcher.create(dataset, new HashingEmbedder(), { topK: 1 })).predict(devops, 'deploy_service'));
  });

  it('rejects a negative or non-finite weight with a typed error', async () => {
    const matcher = await matcherOf(['outcomes.jsonl']);
    for (const bad of [-1, Number.NaN, Infinity]) {
      await assert.rejects(matcher.predict(devops, 'deploy_service', { weights: () => bad }), (error: unknown) => error instanceof InvalidTrajectoryWeightError && error.code === 'INVALID_TRAJECTORY_WEIGHT');
    }
  });

  it('answers the fallback when every matching trajectory weighs 0', async () => {
    const matcher = await matcherOf(['outcomes.jsonl']);
    const prediction = await matcher.predict(devops, 'deploy_service', { weights: () => 0 });
    assert.equal(prediction.method, 'fallback');
    assert.match(prediction.reasoning, /4 had an outcome .* but none of them had a weight above 0/);
  });

  it('fills the query’s previous actions from previous_spans it knows', async () => {
    const matcher = await matcherOf(['chains.jsonl']);
    const trace = await matcher.match({ previous_spans: ['c0', 'c1', 'unknown'] }, 'run_tests');
    const c2 = trace.compared.find((c) => c.trajectory.id === 'c2')!;
    assert.equal(c2.factors.sequence, 1);
  });

  it('honours cancellation', async () => {
    const matcher = await matcherOf(['outcomes.jsonl']);
    await assert.rejects(matcher.predict(devops, 'deploy_service', { token: { isCancelled: true } }), CancelledError);
    await assert.rejects(TrajectoryMatcher.create(datasetOf(loadSpans('outcomes.jsonl')), new HashingEmbedder(), {}, { token: { isCancelled: true } }), CancelledError);
  });
});
