import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { silentProgress } from '@arenalab/core';
import { trainCreature } from './trainCreature';
import type { TrainOptions } from './trainCreature';

const never = { isCancelled: false };
const progress = { phase: () => silentProgress };

/** Two folders of modules written from one template each, so indexing more of a folder teaches its validation files. */
function writeRepo(dir: string): void {
  for (const folder of ['handlers', 'models']) {
    fs.mkdirSync(path.join(dir, 'src', folder), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const name = `${folder}${i}`;
      const lines =
        folder === 'handlers'
          ? [`import { Request, Response } from '../http';`, `export async function handle${i}(request: Request): Promise<Response> {`, `  const body = await request.json();`, `  if (!body.id) return Response.badRequest('missing id');`, `  const record = await store.load(body.id);`, `  return Response.ok({ id: record.id, name: '${name}' });`, '}']
          : [`export interface Model${i} {`, '  id: string;', '  createdAt: Date;', `  kind: '${name}';`, '}', `export function isModel${i}(value: unknown): value is Model${i} {`, `  return typeof value === 'object' && value !== null && (value as Model${i}).kind === '${name}';`, '}'];
      fs.writeFileSync(path.join(dir, 'src', folder, `${name}.ts`), lines.join('\n') + '\n');
    }
  }
}

describe('trainCreature', () => {
  let repo: string;
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-train-'));
    writeRepo(repo);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  const options = (over: Partial<TrainOptions> = {}): TrainOptions => ({
    repo, seed: 3, perFile: 4, validationShare: 0.25, initialShare: 0.1, batch: 2, depth: 2, targetEm: 0.99, maxEpochs: 8, patience: 2,
    weak: { failureEs: 0.5, maxFailureRate: 0.2 }, learnWeights: true, curation: 'weak', ...over,
  });

  it('keeps the books: validation never indexed, each training file added once, indexed count rising by what was added', async () => {
    const report = await trainCreature(options({ weak: { failureEs: 1.01, maxFailureRate: 0 } }), never, progress);
    assert.equal(report.files.total, 24);
    assert.equal(report.validation_files.length, 6);
    assert.equal(report.epochs[0].added_files.length, 0);
    assert.equal(report.epochs[0].indexed_files, report.files.initially_indexed);
    const added = report.epochs.flatMap((e) => e.added_files);
    assert.equal(new Set(added).size, added.length, 'no file is curated twice');
    assert.ok(added.every((f) => !report.validation_files.includes(f)), 'validation files are never indexed');
    for (let i = 1; i < report.epochs.length; i++) {
      const e = report.epochs[i];
      assert.equal(e.indexed_files, report.epochs[i - 1].indexed_files + e.added_files.length);
      assert.ok(e.added_files.length <= 2 * e.targeted.length, 'at most --batch files per weak domain');
      assert.deepEqual(e.targeted.reduce((n, t) => n + t.added_files, 0), e.added_files.length);
    }
    assert.ok(['plateau', 'exhausted', 'max_epochs'].includes(report.stopped), report.stopped);
    assert.ok(report.epochs.length <= 9);
  });

  it('curating a weak folder raises its validation EM above the start', async () => {
    const report = await trainCreature(options({ weak: { failureEs: 1.01, maxFailureRate: 0 }, patience: 8 }), never, progress);
    const best = report.epochs[report.best_epoch];
    assert.ok(best.em > report.epochs[0].em, JSON.stringify(report.epochs.map((e) => [e.indexed_files, e.em])));
    assert.ok(report.epochs.slice(1).some((e) => e.weight_updates.accepted > 0), 'right predictions on curated files credit their sources');
  });

  it('stops at once when the target is already met, and is deterministic for a seed', async () => {
    const met = await trainCreature(options({ targetEm: 0 }), never, progress);
    assert.equal(met.stopped, 'target');
    assert.equal(met.epochs.length, 1);
    const again = await trainCreature(options({ targetEm: 0 }), never, progress);
    assert.deepEqual(again, met);
  });

  it('the random ablation adds as many files per epoch as the weak curation would, from any domain', async () => {
    const report = await trainCreature(options({ weak: { failureEs: 1.01, maxFailureRate: 0 }, curation: 'random' }), never, progress);
    assert.equal(report.curation, 'random');
    assert.ok(report.epochs.length > 1);
    for (const e of report.epochs.slice(1)) {
      assert.ok(e.added_files.length > 0 && e.added_files.length <= 2 * e.targeted.length);
      assert.ok(e.added_files.every((f) => !report.validation_files.includes(f)));
    }
  });

  it('stops as exhausted when no weak domain has a training file left', async () => {
    const report = await trainCreature(options({ weak: { failureEs: 1.01, maxFailureRate: 0 }, batch: 50, patience: 50, maxEpochs: 50 }), never, progress);
    assert.equal(report.stopped, 'exhausted');
    assert.equal(report.epochs[report.epochs.length - 1].indexed_files, report.files.training);
  });
});
