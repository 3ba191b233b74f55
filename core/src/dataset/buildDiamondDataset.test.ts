import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { BruteForceIndex } from '../index/bruteForceIndex';
import { CancelledError } from '../ports/cancellation';
import { fixedClock } from '../ports/clock';
import { curateSpans, DEFAULT_CURATION_CONFIG, type ScoredSpan } from '../quality/curateSpans';
import { scoreSpan } from '../quality/scoreSpan';
import type { Span } from '../spans/span';
import { buildDiamondDataset } from './buildDiamondDataset';
import { DEFAULT_DATASET_CONFIG } from './datasetConfig';
import { verifyDatasetIntegrity } from './verifyDatasetIntegrity';

const fixture = path.resolve(__dirname, '../../../test-fixtures/dataset/spans.jsonl');
const spans = fs.readFileSync(fixture, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Span);
const embedder = new HashingEmbedder();
const deps = { clock: fixedClock(Date.UTC(2024, 5, 1)), embedder };

// Uniqueness is not what these tests are about: score without neighbours so each span's class is its own.
function scoredAlone(list: readonly Span[]): ScoredSpan[] {
  return list.map((span) => ({ span, metrics: scoreSpan(span) }));
}

describe('dataset: buildDiamondDataset', () => {
  it('keeps diamonds, drops exact and near duplicates keeping the better one, and reports why', async () => {
    const { dataset, report } = await buildDiamondDataset(scoredAlone(spans), deps);
    const ids = dataset.spans.map((entry) => entry.span.id);
    assert.deepEqual(ids, ['js-sort-reviewed', 'js-map', 'py-reverse', 'py-dict-merge', 'git-fsync', 'cook-rice']);
    assert.deepEqual(report.counts, { class_not_kept: 1, duplicate_id: 0, exact_duplicate: 1, near_duplicate: 2, domain_balance: 0 });
    const reasons = Object.fromEntries(report.dropped.map((drop) => [drop.id, `${drop.reason}: ${drop.detail}`]));
    assert.match(reasons['py-unanswered'], /^class_not_kept: class needs_enrichment/);
    assert.match(reasons['js-sort'], /^near_duplicate: near-duplicate of js-sort-reviewed/);
    assert.match(reasons['js-sort-spaces'], /^near_duplicate: near-duplicate of js-sort-reviewed/);
    assert.match(reasons['js-sort-copy'], /^exact_duplicate: same content as js-sort/);
  });

  it('builds indices, stats, vectors and a verifiable Merkle root', async () => {
    const { dataset } = await buildDiamondDataset(scoredAlone(spans), deps);
    assert.equal(dataset.id, 'diamond_dataset_v1@1.0.0');
    assert.equal(dataset.created_at, '2024-06-01T00:00:00.000Z');
    assert.deepEqual(dataset.indices.by_action, { ask_question: ['js-sort-reviewed', 'js-map', 'py-reverse', 'py-dict-merge', 'cook-rice'], commit: ['git-fsync'] });
    assert.deepEqual(dataset.indices.by_domain['programming/python'], ['py-reverse', 'py-dict-merge']);
    assert.deepEqual(dataset.indices.by_domain_group, {
      programming: ['js-sort-reviewed', 'js-map', 'py-reverse', 'py-dict-merge', 'git-fsync'],
      cooking: ['cook-rice'],
    });
    assert.deepEqual(dataset.indices.by_time['2024-03'], ['py-dict-merge', 'git-fsync', 'cook-rice']);
    for (const [bucket, ids] of Object.entries(dataset.indices.by_quality)) {
      for (const id of ids) assert.equal(Math.floor(dataset.spans.find((e) => e.span.id === id)!.metrics.total_score / 10) * 10, Number(bucket));
    }
    assert.equal(dataset.stats.total_spans, 6);
    assert.deepEqual(dataset.stats.date_range, { start: '2024-01-07T10:00:00.000Z', end: '2024-03-20T18:00:00.000Z' });
    assert.deepEqual(dataset.stats.domain_groups, { cooking: 1, programming: 5 });
    assert.equal(dataset.stats.classes.diamond, 6);
    assert.deepEqual(dataset.vectors?.ids().sort(), dataset.spans.map((e) => e.span.id).sort());
    assert.equal(dataset.indices.vector.embedder_id, embedder.id);
    assert.deepEqual(verifyDatasetIntegrity(dataset), { ok: true, problems: [] });
  });

  it('reuses the embeddings from curation instead of embedding twice', async () => {
    const curated = await curateSpans(spans, { embedder, createIndex: (dim) => new BruteForceIndex(dim) }, DEFAULT_CURATION_CONFIG);
    let calls = 0;
    const counting = { id: embedder.id, dimension: embedder.dimension, embed: (texts: readonly string[]) => (calls++, embedder.embed(texts)) };
    const { dataset } = await buildDiamondDataset(curated.scored, { ...deps, embedder: counting });
    assert.equal(calls, 0);
    const first = dataset.spans[0].span.id;
    const original = curated.scored.find((s) => s.span.id === first)!.embedding!;
    assert.deepEqual(dataset.vectors?.get(first), original);
  });

  it('balances domains, keeping the best by score, then earlier time, then id', async () => {
    const base = spans.find((span) => span.id === 'py-reverse')!;
    const variants = ['alpha', 'beta', 'gamma', 'delta'].map((word, i) => ({
      span: { ...base, id: `v${i}`, this: `Question about ${word} number ${i}`, if_ok: `${word} `.repeat(5 + i) + `answer ${i}`, when: `2024-01-0${i < 2 ? 1 : 2}T00:00:00Z` },
      metrics: { ...scoreSpan(base), total_score: i === 3 ? 95 : 90 },
    }));
    const { dataset, report } = await buildDiamondDataset(variants, deps, { ...DEFAULT_DATASET_CONFIG, maxSpansPerDomain: 2 });
    assert.deepEqual(dataset.spans.map((e) => e.span.id).sort(), ['v0', 'v3']);
    assert.equal(report.counts.domain_balance, 2);
    assert.deepEqual(report.dropped.map((d) => d.id).sort(), ['v1', 'v2']);
  });

  it('detects the domain when the span has no environment', async () => {
    const span = { ...spans.find((s) => s.id === 'py-reverse')!, context: {} };
    const { dataset } = await buildDiamondDataset([{ span, metrics: { ...scoreSpan(span), class: 'diamond' } }], deps);
    assert.ok(dataset.spans[0].domain.length > 0);
    assert.deepEqual(Object.keys(dataset.indices.by_domain), [dataset.spans[0].domain]);
  });

  it('reports progress and honours cancellation', async () => {
    const steps: string[] = [];
    await buildDiamondDataset(scoredAlone(spans), deps, DEFAULT_DATASET_CONFIG, undefined, { report: (_d, _t, message) => steps.push(message ?? '') });
    assert.deepEqual(steps, ['filtering by quality class', 'removing duplicates', 'balancing domains', 'embedding', 'indexing', 'done']);
    await assert.rejects(buildDiamondDataset(scoredAlone(spans), deps, DEFAULT_DATASET_CONFIG, { isCancelled: true }), CancelledError);
  });
});
