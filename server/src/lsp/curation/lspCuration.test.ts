import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateSpan } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import type { CurationQueueResult, CurationRescoreResult, CurationVerdictResult, DatasetActionParams, DatasetActionResult, DatasetsResult } from '@arenalab/protocol';
import { SpanStore } from '../../store';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Over stdio: the Datasets view's and the curation webview's requests against the real server, with a
// workspace store seeded from the sample workspace's editor session.
const SESSION = path.resolve(__dirname, '../../../../test-fixtures/sample-workspace/spans/editor-session.jsonl');

function sessionSpans(): Span[] {
  return fs.readFileSync(SESSION, 'utf8').split('\n').flatMap((line) => {
    try {
      const checked = validateSpan(JSON.parse(line));
      return checked.ok ? [checked.span] : [];
    } catch {
      return [];
    }
  });
}

async function seedStore(storeDir: string, spans: readonly Span[]): Promise<void> {
  const store = await SpanStore.open(storeDir, { mode: 'write' });
  await store.append(spans);
  await store.close();
}

async function storedSpans(storeDir: string): Promise<Span[]> {
  const store = await SpanStore.open(storeDir, { mode: 'read' });
  const spans: Span[] = [];
  for await (const span of store.spans()) spans.push(span);
  await store.close();
  return spans;
}

describe('arenalab lsp --stdio: datasets and curation requests (protocol test)', function () {
  this.timeout(60_000);
  let workspace: string;
  let storeDir: string;
  let server: TestServer;
  const seeded = sessionSpans();
  const action = (params: DatasetActionParams) => server.client.sendRequest<DatasetActionResult>('arenalab/datasetAction', params);
  const datasets = () => server.client.sendRequest<DatasetsResult>('arenalab/datasets');
  const queue = (limit?: number) => server.client.sendRequest<CurationQueueResult>('arenalab/curationQueue', limit === undefined ? {} : { limit });
  const verdict = (params: unknown) => server.client.sendRequest<CurationVerdictResult>('arenalab/curationVerdict', params);
  const rescore = (params: unknown) => server.client.sendRequest<CurationRescoreResult>('arenalab/curationRescore', params);
  const start = async () => {
    server = startTestServer(workspace);
    await initializeTestServer(server, [workspace]);
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-curation-'));
    storeDir = path.join(workspace, '.arenalab');
    assert.ok(seeded.length >= 10, 'the fixture has a session to curate');
    await seedStore(storeDir, seeded);
    await start();
  });

  after(() => {
    if (server.child.exitCode === null) server.child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('builds a dataset from the store and lists it with stats, domains and a quality histogram', async () => {
    assert.deepEqual((await datasets()).datasets, []);
    const built = await action({ action: 'build', name: 'session' });
    assert.ok(built.ok, JSON.stringify(built));
    assert.equal(built.version, '1.0.0');
    const listed = await datasets();
    assert.equal(listed.storeDir, storeDir);
    assert.deepEqual(listed.datasets.map((d) => [d.name, d.versions.map((v) => v.version)]), [['session', ['1.0.0']]]);
    const v = listed.datasets[0].versions[0];
    assert.equal(v.problem, undefined);
    assert.equal(v.merkle_root, built.merkle_root);
    assert.ok(v.span_count > 0);
    assert.equal(v.quality_histogram.reduce((n, b) => n + b.count, 0), v.span_count);
    assert.equal(Object.values(v.domains).reduce((n, c) => n + c, 0), v.span_count);
    assert.ok(v.quality_histogram.every((b) => Number(b.bucket) >= 80), 'only diamonds are kept');
  });

  it('exports, imports a clean copy, freezes, then refuses an overwrite and a tampered file with the reason', async () => {
    const out = path.join(workspace, 'exported');
    const exported = await action({ action: 'export', name: 'session', version: '1.0.0', folder: out });
    assert.ok(exported.ok, JSON.stringify(exported));
    assert.ok(fs.existsSync(path.join(out, 'manifest.json')) && fs.existsSync(path.join(out, 'spans.jsonl')));
    const clean = await action({ action: 'import', folder: out });
    assert.ok(clean.ok && clean.merkle_root === exported.merkle_root, JSON.stringify(clean));
    const frozen = await action({ action: 'freeze', name: 'session', version: '1.0.0' });
    assert.ok(frozen.ok, JSON.stringify(frozen));
    assert.equal((await datasets()).datasets[0].versions[0].frozen, true);
    const overwrite = await action({ action: 'import', folder: out });
    assert.ok(!overwrite.ok && overwrite.code === 'DATASET_VERSION_FROZEN', JSON.stringify(overwrite));
    const spansFile = path.join(out, 'spans.jsonl');
    fs.writeFileSync(spansFile, fs.readFileSync(spansFile, 'utf8').replace('cartTotal', 'cartTota1'));
    const tampered = await action({ action: 'import', folder: out });
    assert.ok(!tampered.ok, JSON.stringify(tampered));
    assert.equal(tampered.code, 'DATASET_CORRUPT');
    assert.match(tampered.reason, /spans\.jsonl/);
  });

  it('answers bad dataset requests with a refusal, not a failure', async () => {
    const cases: [unknown, string][] = [
      [{ action: 'build', name: '../escape' }, 'DATASET_INVALID_NAME'],
      [{ action: 'freeze', name: 'nothing', version: '1.0.0' }, 'DATASET_NOT_FOUND'],
      [{ action: 'import', folder: path.join(workspace, 'missing') }, 'DATASET_NOT_FOUND'],
      [{ action: 'explode' }, 'INVALID_PARAMS'],
      [{ action: 'export', name: 'session', version: '1.0.0' }, 'INVALID_PARAMS'],
      [null, 'INVALID_PARAMS'],
    ];
    for (const [params, code] of cases) {
      const result = await server.client.sendRequest<DatasetActionResult>('arenalab/datasetAction', params);
      assert.ok(!result.ok && result.code === code, `${JSON.stringify(params)} → ${JSON.stringify(result)}`);
    }
  });

  it('queues unjudged spans newest first with all five dimensions and their reasons', async () => {
    const q = await queue(5);
    assert.equal(q.timeLimitMs, 5000);
    assert.deepEqual(q.score, { xp: 0, streak: 0, bestStreak: 0, judged: 0, agreed: 0, level: 1 });
    assert.equal(q.items.length, 5);
    assert.equal(q.remaining, seeded.length);
    assert.equal(q.items[0].span.id, 'ed-012');
    for (const item of q.items) {
      assert.deepEqual(item.quality.dimensions.map((d) => d.name), ['completeness', 'provenance', 'impact', 'uniqueness', 'coherence']);
      assert.ok(item.quality.dimensions.every((d) => d.reasons.length > 0 && d.score >= 0 && d.score <= 100));
    }
  });

  it('scores a verdict with XP and streak, stores a judge_span span, and takes the span off the queue', async () => {
    const [first, second] = (await queue(2)).items;
    const agreed = await verdict({ spanId: first.span.id, verdict: first.quality.expected, elapsedMs: 1200 });
    assert.ok(agreed.ok, JSON.stringify(agreed));
    assert.equal(agreed.outcome, 'agreed');
    assert.equal(agreed.xpGained, 10);
    assert.equal(agreed.score.streak, 1);
    assert.ok(agreed.judgementId);
    const late = await verdict({ spanId: second.span.id, verdict: second.quality.expected, elapsedMs: 5001 });
    assert.ok(late.ok && late.outcome === 'late' && late.xpGained === 0 && late.score.streak === 0 && late.score.xp === 10, JSON.stringify(late));
    const next = await queue(50);
    assert.ok(!next.items.some((i) => i.span.id === first.span.id || i.span.id === second.span.id));
    assert.equal(next.remaining, seeded.length - 2);
    assert.equal(next.score.xp, 10);
    const judgement = (await storedSpans(storeDir)).find((s) => s.id === agreed.judgementId);
    assert.equal(judgement?.did, 'judge_span');
    assert.equal(judgement?.this, first.span.id);
    assert.equal(judgement?.metadata?.verdict, first.quality.expected);
    assert.equal(judgement?.metadata?.xp, 10);
  });

  it('refuses bad verdicts with the reason', async () => {
    const [item] = (await queue(1)).items;
    for (const params of [{ spanId: item.span.id, verdict: 'gold', elapsedMs: 10 }, { spanId: item.span.id, verdict: 'trash' }, { spanId: 'sp_nowhere', verdict: 'trash', elapsedMs: 10 }, {}]) {
      const result = await verdict(params);
      assert.ok(!result.ok && result.reason.length > 0, JSON.stringify(result));
    }
  });

  it('rescores an enriched span before/after and names a refused field', async () => {
    const [item] = (await queue(1)).items;
    const r = await rescore({ spanId: item.span.id, enrichment: { context: { environment: 'programming/typescript', stakes: 'high' }, confirmed_by: 'tests passed: cart.test.ts', metadata: { reviewer: 'bob' } } });
    assert.ok(r.ok, JSON.stringify(r));
    assert.ok(r.after.total > r.before.total, `${r.before.total} → ${r.after.total}`);
    assert.equal(r.delta.total_score, Math.round((r.after.total - r.before.total) * 100) / 100);
    assert.equal(r.span.confirmed_by, 'tests passed: cart.test.ts');
    const bad = await rescore({ spanId: item.span.id, enrichment: { context: { stakes: 'cosmic' } } });
    assert.ok(!bad.ok && bad.field === 'context.stakes', JSON.stringify(bad));
  });

  it('a new server continues the score from the judgements in the store', async () => {
    assert.equal(await stopTestServer(server), 0);
    await start();
    const q = await queue(1);
    assert.deepEqual([q.score.xp, q.score.judged, q.score.agreed], [10, 2, 1]);
    assert.equal(q.remaining, seeded.length - 2);
  });
});
