import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { BruteForceIndex } from '../index/bruteForceIndex';
import { fixedClock } from '../ports/clock';
import { scoreSpan } from '../quality/scoreSpan';
import type { Span } from '../spans/span';
import { spanContentHash } from '../spans/spanContentHash';
import { buildDiamondDataset } from './buildDiamondDataset';
import { FrozenDatasetError, DuplicateSpanIdError } from './datasetErrors';
import { addSpan, countSimilar, getSpan, hasSpan } from './datasetOps';
import type { DiamondDataset } from './datasetTypes';
import { bumpMinor, compareVersions, nextDatasetVersion } from './datasetVersion';
import { datasetVectorIndex, embedDataset } from './embedDataset';
import { exportDataset } from './exportDataset';
import { freezeDataset } from './freezeDataset';
import { importDataset } from './importDataset';
import { verifyDatasetIntegrity } from './verifyDatasetIntegrity';

const fixture = path.resolve(__dirname, '../../../test-fixtures/dataset/spans.jsonl');
const spans = fs.readFileSync(fixture, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Span);
const embedder = new HashingEmbedder();

async function build(): Promise<DiamondDataset> {
  const scored = spans.map((span) => ({ span, metrics: scoreSpan(span) }));
  return (await buildDiamondDataset(scored, { clock: fixedClock(Date.UTC(2024, 5, 1)), embedder })).dataset;
}

function withoutVectors(dataset: DiamondDataset): Omit<DiamondDataset, 'vectors'> {
  const { vectors: _vectors, ...rest } = dataset;
  return { ...rest, indices: { ...rest.indices, vector: { ...rest.indices.vector, ids: [] } } };
}

const newSpan: Span = {
  schema_version: 1,
  id: 'py-sets',
  source: 'chat_import',
  who: 'user',
  did: 'ask_question',
  this: 'How do I find the items two Python lists have in common?',
  when: '2024-02-20T09:00:00Z',
  status: 'completed',
  context: { environment: 'programming/python' },
  if_ok: 'Convert both lists to sets and intersect them: set(a) & set(b). The result loses order and duplicates; to keep the order of a, use [x for x in a if x in set(b)].',
};

describe('dataset: export, import, freeze and online updates', () => {
  it('round-trips through export and import with everything but the vectors', async () => {
    const dataset = await build();
    const { spansJsonl, manifest } = exportDataset(dataset);
    assert.equal(spansJsonl.split('\n').length, dataset.spans.length + 1);
    assert.equal(manifest.merkle_root, dataset.merkle_root);
    const imported = importDataset(spansJsonl, JSON.parse(JSON.stringify(manifest)));
    assert.ok(imported.ok);
    assert.deepEqual(withoutVectors(imported.dataset), withoutVectors(dataset));
    assert.deepEqual(verifyDatasetIntegrity(imported.dataset), { ok: true, problems: [] });
    const embedded = await embedDataset(imported.dataset, embedder);
    assert.deepEqual(embedded.vectors?.get('js-map'), dataset.vectors?.get('js-map'));
    assert.equal(datasetVectorIndex(embedded, (dim) => new BruteForceIndex(dim)).search(dataset.vectors!.get('js-map')!, 1)[0].id, 'js-map');
  });

  it('refuses an edited line, naming the line', async () => {
    const { spansJsonl, manifest } = exportDataset(await build());
    const lines = spansJsonl.split('\n');
    lines[1] = lines[1].replace('Map constructor', 'Set constructor');
    const result = importDataset(lines.join('\n'), manifest);
    assert.deepEqual(result, { ok: false, reason: 'line 2: span js-map no longer matches its recorded hash (it was changed after export)' });
  });

  it('refuses a consistent edit of span and hash by the Merkle root, and a dropped line by the count', async () => {
    const { spansJsonl, manifest } = exportDataset(await build());
    const lines = spansJsonl.trim().split('\n');
    const removed = importDataset(lines.slice(1).join('\n'), manifest);
    assert.deepEqual(removed, { ok: false, reason: `the file has ${lines.length - 1} spans, the manifest says ${lines.length}` });
    const entry = JSON.parse(lines[0]) as { span: Span; hash: string };
    entry.span.if_ok = 'A different answer entirely, with its hash recomputed to look consistent.';
    entry.hash = spanContentHash(entry.span);
    const forged = importDataset([JSON.stringify(entry), ...lines.slice(1)].join('\n'), manifest);
    assert.equal(forged.ok, false);
    assert.match((forged as { reason: string }).reason, /^Merkle root mismatch: the manifest says [0-9a-f]{64}, the spans give/);
    const promoted = importDataset(spansJsonl.replace(/"total_score":[0-9.]+/, '"total_score":100'), manifest);
    assert.match((promoted as { reason: string }).reason, /^stats mismatch/);
    assert.match((importDataset('{not json\n', manifest) as { reason: string }).reason, /^line 1: not valid JSON/);
  });

  it('freezes into an immutable snapshot that survives export and import frozen', async () => {
    const frozen = freezeDataset(await build());
    assert.equal(frozen.frozen, true);
    assert.throws(() => addSpan(frozen, { span: newSpan, metrics: scoreSpan(newSpan) }), FrozenDatasetError);
    assert.throws(() => frozen.spans.push(frozen.spans[0]), TypeError);
    assert.throws(() => ((frozen.spans[0].span as { this: string }).this = 'changed'), TypeError);
    assert.throws(() => (frozen.indices.by_action.commit = []), TypeError);
    await assert.rejects(embedDataset(frozen, embedder), FrozenDatasetError);
    const again = importDataset(exportDataset(frozen).spansJsonl, exportDataset(frozen).manifest);
    assert.ok(again.ok && again.dataset.frozen && Object.isFrozen(again.dataset.spans));
  });

  it('adds spans online, updating indices, stats and the root; answers has/get/countSimilar', async () => {
    const dataset = await build();
    assert.equal(countSimilar(dataset, newSpan), 2);
    const vector = (await embedder.embed(['x']))[0];
    const next = addSpan(dataset, { span: newSpan, metrics: scoreSpan(newSpan), embedding: vector });
    assert.ok(hasSpan(next, 'py-sets') && !hasSpan(dataset, 'py-sets'));
    assert.equal(getSpan(next, 'py-sets')?.domain, 'programming/python');
    assert.deepEqual(next.indices.by_domain['programming/python'], ['py-reverse', 'py-sets', 'py-dict-merge']);
    assert.equal(countSimilar(next, newSpan), 3);
    assert.notEqual(next.merkle_root, dataset.merkle_root);
    assert.equal(next.vectors?.size, dataset.vectors!.size + 1);
    assert.deepEqual(verifyDatasetIntegrity(next), { ok: true, problems: [] });
    assert.throws(() => addSpan(next, { span: newSpan, metrics: scoreSpan(newSpan) }), DuplicateSpanIdError);
  });

  it('verifyDatasetIntegrity names what is wrong', async () => {
    const dataset = await build();
    const tampered: DiamondDataset = {
      ...dataset,
      spans: dataset.spans.map((entry, i) => (i === 0 ? { ...entry, span: { ...entry.span, if_ok: 'edited' } } : entry)),
      indices: { ...dataset.indices, by_action: { ask_question: [] } },
    };
    const { ok, problems } = verifyDatasetIntegrity(tampered);
    assert.equal(ok, false);
    assert.match(problems[0], /^span js-sort-reviewed \(position 0\): content hash [0-9a-f]{64} does not match recorded/);
    assert.ok(problems.includes('index by_action does not match the spans'));
  });

  it('versions datasets by semver, bumping the minor on rebuild', () => {
    assert.equal(nextDatasetVersion([]), '1.0.0');
    assert.equal(nextDatasetVersion(['1.0.0', '1.10.0', '1.9.3']), '1.11.0');
    assert.equal(bumpMinor('2.3.4'), '2.4.0');
    assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
    assert.throws(() => bumpMinor('v1'), /not a semantic version/);
  });
});
