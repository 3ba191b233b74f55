import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MatchContext } from './matchContext';
import type { MatchingConfig } from './matchingConfig';
import type { PredictionMethod } from './prediction';
import type { MatchTrace } from './trajectoryMatcher';
import { FIXTURES, matcherOf, weightsOf } from './matchingTestSupport';

// Golden cases pin every prediction and the trace behind it (candidates, context factors). After a deliberate
// change, rerun with UPDATE_GOLDEN=1 and review the diff of expected.json like any other code change. The
// `method` of each case is asserted separately, so a regenerated golden cannot silently move a case to another band.
interface GoldenCase {
  name: string;
  files: string[];
  action: string;
  context: MatchContext;
  config?: Partial<MatchingConfig>;
  weights?: Record<string, number>;
  method: PredictionMethod;
}

const expectedFile = path.join(FIXTURES, 'expected.json');
const cases = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as GoldenCase[];

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The trace reduced to what a reader checks: how each span was found and how its context compared. */
function summarize(trace: MatchTrace): unknown {
  return {
    candidates: trace.candidates.map((c) => `${c.spanId} ${c.matchedBy} ${round(c.actionSimilarity)}`),
    compared: trace.compared.map((c) => ({
      id: c.trajectory.id,
      similarity: round(c.similarity),
      factors: Object.fromEntries(Object.entries(c.factors).map(([name, value]) => [name, round(value as number)])),
    })),
    clusters: trace.analysis.clusters.map((cluster) => cluster.members.map((m) => m.trajectory.id)),
  };
}

async function run(c: GoldenCase): Promise<unknown> {
  const matcher = await matcherOf(c.files, c.config);
  const options = { weights: weightsOf(c.weights) };
  const trace = await matcher.match(c.context, c.action, options);
  const prediction = await matcher.predict(c.context, c.action, options);
  return { prediction, trace: summarize(trace) };
}

describe('matching: golden predictions', () => {
  const actual: Record<string, unknown> = {};

  before(async () => {
    for (const c of cases) actual[c.name] = await run(c);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
  });

  it('has an expected entry for every case and no stale ones', () => {
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(expected).sort(), cases.map((c) => c.name).sort());
  });

  for (const c of cases) {
    it(`${c.name}: answers by ${c.method} and matches the recorded prediction`, () => {
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, { prediction: { method: string } }>;
      const got = actual[c.name] as { prediction: { method: string } };
      assert.equal(got.prediction.method, c.method);
      assert.deepEqual(got, expected[c.name]);
    });
  }
});
