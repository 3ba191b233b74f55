import { codeAreaDomain, CompletionEngine, domainScores, sampleFileCases, scoreLine, seededRandom, throwIfCancelled, trainingStop, weakDomains, yieldToHost } from '@arenalab/core';
import type { BenchSourceFile, Cancellation, CompletionEngineConfig, DomainScore, NextLineCase, Progress, TrainingStopReason, WeakDomainConfig } from '@arenalab/core';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { predictedLine } from '../evaluation';

export interface TrainOptions {
  repo: string;
  seed: number;
  /** Validation (and tuning) lines sampled per file. */
  perFile: number;
  /** Share of the repository's files held out for validation; never indexed. */
  validationShare: number;
  /** Share of the remaining (training) files indexed before the first epoch. */
  initialShare: number;
  /** Training files curated per weak domain per epoch. */
  batch: number;
  /** Folder segments of a domain (`typescript server/src`). */
  depth: number;
  targetEm: number;
  maxEpochs: number;
  /** Epochs without gain that make a plateau. */
  patience: number;
  weak: WeakDomainConfig;
  /** Credit the sources of right predictions on curated files (accepted) and blame confident wrong ones (dismissed). */
  learnWeights: boolean;
  engineConfig?: Partial<CompletionEngineConfig>;
  /**
   * `weak` (the loop): files of the weak domains. `random`: the ablation, as many files as `weak` would take but
   * from any domain, in the seeded order, to show what targeting the weak domains adds.
   */
  curation: 'weak' | 'random';
}

/** A weak domain an epoch curated for: validation scores before the epoch and after it. */
export interface TargetedDomain {
  domain: string;
  cases: number;
  added_files: number;
  em_before: number;
  em_after: number;
  es_before: number;
  es_after: number;
  failure_before: number;
  failure_after: number;
}

export interface TrainEpoch {
  epoch: number;
  indexed_files: number;
  added_files: string[];
  /** Trajectory-weight outcomes recorded on the curated files' cases. */
  weight_updates: { accepted: number; dismissed: number };
  em: number;
  es: number;
  targeted: TargetedDomain[];
}

export interface TrainReport {
  report: 'train';
  repo: string;
  curation: 'weak' | 'random';
  files: { total: number; validation: number; training: number; initially_indexed: number };
  /** The held-out files (never indexed, never learned from). */
  validation_files: string[];
  validation_cases: number;
  /** Epoch 0 is the creature before training (the initial index). */
  epochs: TrainEpoch[];
  stopped: TrainingStopReason;
  best_epoch: number;
}

interface Split {
  validation: BenchSourceFile[];
  /** Training files in the seeded order they are curated in. */
  training: BenchSourceFile[];
}

/** Seeded Fisher–Yates over the path-sorted files: the same seed splits the same repository the same way. */
function seededSplit(files: readonly BenchSourceFile[], share: number, seed: number): Split {
  const pool = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const held = Math.max(1, Math.round(pool.length * share));
  return { validation: pool.slice(0, held), training: pool.slice(held) };
}

interface ValidationCase extends NextLineCase {
  domain: string;
}

async function evaluate(engine: CompletionEngine, cases: readonly ValidationCase[], token: Cancellation, progress: Progress) {
  const results = [];
  for (let i = 0; i < cases.length; i++) {
    if (i % 50 === 0) {
      progress.report(i, cases.length);
      await yieldToHost();
      throwIfCancelled(token, 'training evaluation');
    }
    const c = cases[i];
    const result = engine.complete({ file: c.file, language: c.language, prefix: c.prefix, suffix: c.suffix }, { showThreshold: 0 });
    results.push({ domain: c.domain, ...scoreLine(predictedLine(result), c.target) });
  }
  return results;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10000) / 10000);

/**
 * Learns from a curated file before it is indexed: its sampled lines are predicted by the current creature (the file
 * unseen, as a developer would meet it); a right prediction credits its sources (`accepted`), a wrong one shown at the
 * show threshold blames them (`dismissed`). The validation files never feed the weights.
 */
async function learnFromFile(engine: CompletionEngine, file: BenchSourceFile, options: TrainOptions, counts: { accepted: number; dismissed: number }): Promise<void> {
  for (const c of sampleFileCases(file, { perFile: options.perFile, seed: options.seed })) {
    const result = engine.complete({ file: c.file, language: c.language, prefix: c.prefix, suffix: c.suffix }, { showThreshold: 0 });
    const best = result.candidates[0];
    if (best === undefined) continue;
    const { em } = scoreLine(predictedLine(result), c.target);
    const outcome = em ? 'accepted' : best.confidence >= engine.config.showThreshold ? 'dismissed' : undefined;
    if (outcome === undefined) continue;
    engine.recordOutcome(best, outcome, `train:${c.file}:${c.line}`);
    counts[outcome]++;
  }
  await yieldToHost();
}

/** Up to `batch` not yet indexed training files of each weak domain, worst domain first. */
function curate(weak: readonly DomainScore[], training: readonly BenchSourceFile[], indexed: ReadonlySet<string>, options: TrainOptions): Map<string, BenchSourceFile[]> {
  const chosen = new Map<string, BenchSourceFile[]>();
  for (const domain of weak) {
    const files = training.filter((f) => !indexed.has(f.path) && codeAreaDomain(f.language, f.path, options.depth) === domain.domain).slice(0, options.batch);
    if (files.length > 0) chosen.set(domain.domain, files);
  }
  if (options.curation === 'weak') return chosen;
  const count = [...chosen.values()].reduce((n, files) => n + files.length, 0);
  const random = training.filter((f) => !indexed.has(f.path)).slice(0, count);
  return random.length === 0 ? new Map() : new Map([['(random)', random]]);
}

function targetedDomains(before: readonly DomainScore[], after: readonly DomainScore[], chosen: ReadonlyMap<string, BenchSourceFile[]>): TargetedDomain[] {
  return before.map((b) => {
    const a = after.find((s) => s.domain === b.domain) ?? b;
    return { domain: b.domain, cases: b.cases, added_files: chosen.get(b.domain)?.length ?? 0, em_before: b.em, em_after: a.em, es_before: b.es, es_after: a.es, failure_before: b.failureRate, failure_after: a.failureRate };
  });
}

/**
 * `arenalab train` (training, for a retrieval creature): a seeded validation split of the repository's files (never
 * indexed), a creature that starts from part of the rest, and epochs of evaluate → weak domains (> 20 % failures) →
 * curate more of those domains' training files (and learn trajectory weights from how the creature did on them) →
 * index them → evaluate; stopping on the target EM, a plateau, the epoch budget, or when the weak domains have
 * nothing left to add. "Training" here means choosing what the creature indexes and trusts; nothing is fitted.
 */
export async function trainCreature(options: TrainOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<TrainReport> {
  const files = listWorkspaceFiles(options.repo).map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  if (files.length < 2) throw new TypeError(`${options.repo} has ${files.length} source file(s); training needs at least 2 (one to validate on)`);
  const { validation, training } = seededSplit(files, options.validationShare, options.seed);
  const cases: ValidationCase[] = validation.flatMap((f) => sampleFileCases(f, { perFile: options.perFile, seed: options.seed }).map((c) => ({ ...c, domain: codeAreaDomain(f.language, f.path, options.depth) })));
  const engine = new CompletionEngine(options.engineConfig);
  const indexed = new Set<string>();
  const initial = training.slice(0, Math.max(1, Math.round(training.length * options.initialShare)));
  for (const f of initial) {
    engine.addFile(f.path, f.language, f.text);
    indexed.add(f.path);
  }
  let results = await evaluate(engine, cases, token, progress.phase('epoch 0'));
  const epochs: TrainEpoch[] = [{ epoch: 0, indexed_files: indexed.size, added_files: [], weight_updates: { accepted: 0, dismissed: 0 }, em: mean(results.map((r) => Number(r.em))), es: mean(results.map((r) => r.es)), targeted: [] }];
  let stopped: TrainingStopReason | null = trainingStop([epochs[0].em], { ...options, minGain: 0.001 });
  while (stopped === null) {
    const before = weakDomains(domainScores(results, options.weak), options.weak);
    const chosen = curate(before, training, indexed, options);
    if (chosen.size === 0) {
      stopped = 'exhausted';
      break;
    }
    const counts = { accepted: 0, dismissed: 0 };
    const added = [...chosen.values()].flat().sort((x, y) => training.indexOf(x) - training.indexOf(y));
    for (const f of added) {
      throwIfCancelled(token, 'training');
      if (options.learnWeights) await learnFromFile(engine, f, options, counts);
      engine.addFile(f.path, f.language, f.text);
      indexed.add(f.path);
    }
    results = await evaluate(engine, cases, token, progress.phase(`epoch ${epochs.length}`));
    const after = domainScores(results, options.weak);
    epochs.push({ epoch: epochs.length, indexed_files: indexed.size, added_files: added.map((f) => f.path), weight_updates: counts, em: mean(results.map((r) => Number(r.em))), es: mean(results.map((r) => r.es)), targeted: targetedDomains(before, after, chosen) });
    stopped = trainingStop(epochs.map((e) => e.em), { ...options, minGain: 0.001 });
  }
  const best = epochs.reduce((b, e) => (e.em > b.em || (e.em === b.em && e.es > b.es) ? e : b), epochs[0]);
  return {
    report: 'train',
    repo: options.repo,
    curation: options.curation,
    files: { total: files.length, validation: validation.length, training: training.length, initially_indexed: initial.length },
    validation_files: validation.map((f) => f.path).sort(),
    validation_cases: cases.length,
    epochs,
    stopped,
    best_epoch: best.epoch,
  };
}
