import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDiamondDataset, DEFAULT_DATASET_CONFIG, fixedClock, HashingEmbedder, scoreSpan } from '@arenalab/core';
import type { DiamondDataset, Span } from '@arenalab/core';
import { DatasetRepository, MANIFEST_FILE, SPANS_FILE } from './datasetRepository';
import { DatasetRepositoryError } from './datasetRepositoryError';

const fixture = path.resolve(__dirname, '../../../test-fixtures/dataset/spans.jsonl');
const spans = fs.readFileSync(fixture, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Span);

async function build(name: string, version: string, only = spans.length): Promise<DiamondDataset> {
  const scored = spans.slice(0, only).map((span) => ({ span, metrics: scoreSpan(span) }));
  const deps = { clock: fixedClock(Date.UTC(2024, 5, 1)), embedder: new HashingEmbedder() };
  return (await buildDiamondDataset(scored, deps, { ...DEFAULT_DATASET_CONFIG, name, version })).dataset;
}

function withoutVectors(dataset: DiamondDataset): unknown {
  const { vectors: _vectors, indices, ...rest } = dataset;
  return { ...rest, indices: { ...indices, vector: { ...indices.vector, ids: [] } } };
}

function code(error: unknown): string | undefined {
  return error instanceof DatasetRepositoryError ? error.code : undefined;
}

describe('server: DatasetRepository on real files', () => {
  let dir: string;
  let repo: DatasetRepository;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-datasets-'));
    repo = new DatasetRepository(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves under datasets/<name>/<version>/ and loads the same dataset back, verified', async () => {
    const dataset = await build('team', '1.0.0');
    repo.save(dataset);
    const folder = path.join(dir, 'datasets', 'team', '1.0.0');
    assert.deepEqual(fs.readdirSync(folder).sort(), [MANIFEST_FILE, SPANS_FILE]);
    assert.deepEqual(withoutVectors(repo.load('team', '1.0.0')), withoutVectors(dataset));
    assert.deepEqual(repo.list(), [
      { name: 'team', version: '1.0.0', frozen: false, span_count: dataset.spans.length, created_at: dataset.created_at, merkle_root: dataset.merkle_root },
    ]);
  });

  it('versions rebuilds by bumping the minor and loads the latest by default', async () => {
    assert.equal(repo.nextVersion('team'), '1.0.0');
    repo.save(await build('team', '1.0.0', 4));
    assert.equal(repo.nextVersion('team'), '1.1.0');
    repo.save(await build('team', repo.nextVersion('team')));
    assert.deepEqual(repo.versions('team'), ['1.0.0', '1.1.0']);
    assert.equal(repo.latest('team'), '1.1.0');
    assert.equal(repo.load('team').version, '1.1.0');
  });

  it('overwrites an unfrozen version but never a frozen one', async () => {
    repo.save(await build('team', '1.0.0', 4));
    const full = await build('team', '1.0.0');
    repo.save(full);
    assert.equal(repo.load('team', '1.0.0').merkle_root, full.merkle_root);
    const frozen = repo.freeze('team', '1.0.0');
    assert.ok(frozen.frozen && Object.isFrozen(frozen));
    assert.equal(repo.load('team', '1.0.0').frozen, true);
    assert.throws(() => repo.save(full), (error) => code(error) === 'DATASET_VERSION_FROZEN');
    assert.equal(repo.freeze('team', '1.0.0').frozen, true);
  });

  it('exports to a folder and imports into another store', async () => {
    const dataset = await build('shared', '2.3.0');
    repo.save(dataset);
    const out = path.join(dir, 'export');
    repo.exportTo('shared', '2.3.0', out);
    const other = new DatasetRepository(path.join(dir, 'other-store'));
    const imported = other.importFrom(out);
    assert.equal(imported.merkle_root, dataset.merkle_root);
    assert.deepEqual(other.versions('shared'), ['2.3.0']);
  });

  it('refuses to import a dataset that carries a secret (redacting would break its Merkle root)', async () => {
    const leaky: Span = { ...spans[0], id: 'leaky', if_ok: 'export GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345' };
    const scored = [{ span: leaky, metrics: scoreSpan(leaky) }];
    const deps = { clock: fixedClock(Date.UTC(2024, 5, 1)), embedder: new HashingEmbedder() };
    const dataset = (await buildDiamondDataset(scored, deps, { ...DEFAULT_DATASET_CONFIG, name: 'leaky', keepClasses: ['diamond', 'needs_enrichment', 'discarded'] })).dataset;
    assert.equal(dataset.spans.length, 1);
    repo.save(dataset);
    const out = path.join(dir, 'export');
    repo.exportTo('leaky', '1.0.0', out);
    const other = new DatasetRepository(path.join(dir, 'other-store'));
    assert.throws(() => other.importFrom(out), (error) => code(error) === 'DATASET_HAS_SECRETS' && /span leaky contains a secret \(github_token\)/.test((error as Error).message));
    assert.deepEqual(other.list(), []);
  });

  it('refuses a tampered file on load and import, naming the line', async () => {
    repo.save(await build('team', '1.0.0'));
    const file = path.join(dir, 'datasets', 'team', '1.0.0', SPANS_FILE);
    const original = fs.readFileSync(file, 'utf8');
    const lines = original.split('\n');
    lines[2] = lines[2].replace('negative step', 'positive step');
    fs.writeFileSync(file, lines.join('\n'));
    assert.throws(
      () => repo.load('team', '1.0.0'),
      (error) => code(error) === 'DATASET_CORRUPT' && /team@1\.0\.0: spans\.jsonl: line 3: span py-reverse no longer matches/.test((error as Error).message),
    );
    assert.throws(() => new DatasetRepository(path.join(dir, 'x')).importFrom(path.dirname(file)), (error) => code(error) === 'DATASET_CORRUPT');
    fs.writeFileSync(file, original.replace('"id":"py-reverse"', '"id":"py-renamed"'));
    assert.throws(() => repo.load('team', '1.0.0'), /Merkle root mismatch/);
  });

  it('ignores staging folders a crash left behind and rejects unsafe names', async () => {
    repo.save(await build('team', '1.0.0'));
    fs.mkdirSync(path.join(dir, 'datasets', 'team', '.staging-1.1.0-123-0'));
    fs.writeFileSync(path.join(dir, 'datasets', 'team', '.staging-1.1.0-123-0', SPANS_FILE), '{"half":');
    assert.deepEqual(repo.versions('team'), ['1.0.0']);
    assert.equal(repo.list().length, 1);
    assert.throws(() => repo.versions('../etc'), (error) => code(error) === 'DATASET_INVALID_NAME');
    assert.throws(() => repo.load('missing'), (error) => code(error) === 'DATASET_NOT_FOUND');
  });
});
