import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeAreaDomain, CompletionEngine, isEligibleTargetLine, lineAction, redactSecrets, throwIfCancelled, uncertaintyMap, yieldToHost } from '@arenalab/core';
import type { AreaMaterial, BenchSourceFile, Cancellation, GapCandidate, GapObservation, Progress, Span, UncertaintyArea, UncertaintyMapConfig } from '@arenalab/core';
import { DatasetRepository, scoreSpans } from '../datasets';
import { loadStoreSpans, LOG_FILE_NAME } from '../store';
import { listWorkspaceFiles, readWorkspaceFile } from '../workspace';
import { sampleTargets } from './sampleTargets';
import { runNextLineBenchmark } from './runNextLineBenchmark';

export interface CollectGapsOptions {
  /** Store whose logged suggestions, spans and datasets are mapped; skipped when it holds no log. */
  store?: string;
  /** Repository whose next-line cases are run (ground truth: the line that is there). */
  repo?: string;
  perFile: number;
  maxFiles?: number;
  seed: number;
  /** Folder segments kept in a code domain (`typescript core/src`). */
  depth: number;
  /** Weakest areas reported. */
  top: number;
  /** Quality meter total at which an unused stored span is offered as material. */
  minQuality: number;
  map: UncertaintyMapConfig;
  /** The user's extra exclusions (gitignore syntax), as the language server indexes with them. */
  excludes?: readonly string[];
}

export interface GapsReport {
  report: 'gaps';
  repo: string | null;
  store: string | null;
  /** Observations behind the map: next-line cases and logged suggestions. */
  observations: { next_line_cases: number; logged_suggestions: number };
  show_threshold: number;
  /** All areas, weakest first (the first `top` are the report). */
  areas_total: number;
  areas: UncertaintyArea[];
}

const LOGGED_OUTCOME_TRUTH: Record<string, boolean | undefined> = { accepted: true, partially_accepted: true, dismissed: false };

/** `programming/typescript` → `typescript`; other environments pass through. */
const languageOf = (environment: string | undefined) => (environment ?? 'unknown').replace(/^programming\//, '');

/** Lines of each (domain, line kind) the creature has indexed: the material of a code area. */
export function codeMaterial(files: readonly BenchSourceFile[], depth: number): AreaMaterial[] {
  const counts = new Map<string, AreaMaterial>();
  for (const file of files) {
    const domain = codeAreaDomain(file.language, file.path, depth);
    for (const line of file.text.split('\n')) {
      if (!isEligibleTargetLine(line)) continue;
      const action = lineAction(line);
      const key = `${domain}\u0000${action}`;
      const entry = counts.get(key) ?? { domain, action, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}

async function repoObservations(options: CollectGapsOptions, repo: string, token: Cancellation, progress: { phase(label: string): Progress }) {
  const files: BenchSourceFile[] = listWorkspaceFiles(repo, { excludes: options.excludes ?? [] }).map((f) => ({ path: f.path, language: f.language, text: readWorkspaceFile(f) }));
  const targets = sampleTargets(files.map((f) => f.path), options.maxFiles, options.seed);
  const observations: GapObservation[] = [];
  await runNextLineBenchmark(files, targets, new CompletionEngine(), { perFile: options.perFile, seed: options.seed }, token, progress, (c) =>
    observations.push({
      domain: codeAreaDomain(c.language, c.file, options.depth),
      action: lineAction(c.target),
      confidence: c.confidence,
      correct: c.em,
      es: c.es,
      ref: `${c.file}:${c.line + 1}`,
      detail: c.em ? c.target : `expected: ${c.target}  predicted: ${c.prediction || '(nothing)'}`,
    }),
  );
  return { observations, material: codeMaterial(files, options.depth) };
}

/** A logged suggestion: right when accepted, wrong when dismissed, unjudged when only shown. */
function loggedObservation(span: Span, depth: number): GapObservation | null {
  const m = span.metadata as Record<string, unknown> | undefined;
  if (span.did !== 'suggest_completion' || typeof m?.confidence !== 'number' || typeof m.file !== 'string') return null;
  const correct = LOGGED_OUTCOME_TRUTH[String(m.outcome)];
  return {
    domain: codeAreaDomain(languageOf(span.context?.environment), m.file, depth),
    action: lineAction(span.if_ok ?? ''),
    confidence: m.confidence,
    ...(correct !== undefined ? { correct } : {}),
    ref: `${span.this} (${span.id})`,
    detail: `${String(m.outcome)}: ${span.if_ok ?? ''}`,
  };
}

/** Ids of every span in any dataset version of the store; a broken version is skipped (`arenalab verify` reports it). */
function datasetSpanIds(store: string): Set<string> {
  const repository = new DatasetRepository(store);
  const ids = new Set<string>();
  for (const listing of repository.list()) {
    try {
      for (const entry of repository.load(listing.name, listing.version).spans) ids.add(entry.span.id);
    } catch {
      continue;
    }
  }
  return ids;
}

async function storeObservations(options: CollectGapsOptions, store: string, token: Cancellation, progress: { phase(label: string): Progress }) {
  const spans = await loadStoreSpans(store, token, progress.phase('read store'));
  const observations = spans.flatMap((s) => loggedObservation(s, options.depth) ?? []);
  const material = new Map<string, AreaMaterial>();
  const areaOf = (s: Span) => ({ domain: s.context?.environment ?? 'general', action: s.did });
  const others = spans.filter((s) => s.did !== 'suggest_completion');
  for (const s of others) {
    const { domain, action } = areaOf(s);
    const key = `${domain}\u0000${action}`;
    const entry = material.get(key) ?? { domain, action, count: 0 };
    entry.count++;
    material.set(key, entry);
  }
  const inDatasets = datasetSpanIds(store);
  const unused = others.filter((s) => !inDatasets.has(s.id));
  await yieldToHost();
  throwIfCancelled(token, 'gaps');
  const scored = unused.length === 0 ? [] : (await scoreSpans(unused, { indexKind: 'exact' }, token, progress)).curation.scored;
  const candidates: GapCandidate[] = scored
    .filter((s) => s.metrics.total_score >= options.minQuality)
    .map((s) => ({ ...areaOf(s.span), ref: s.span.id, detail: `${s.span.did} ${s.span.this}`.slice(0, 160), quality: s.metrics.total_score }));
  return { observations, material: [...material.values()], candidates };
}

/**
 * `arenalab gaps`: the uncertainty map (core `uncertaintyMap`) over what the creature can be measured on: the
 * repository's next-line cases (each file held out, ground truth the line that is there) and the store's logged
 * suggestions (accepted = right, dismissed = wrong); material = indexed lines per area and stored spans per
 * (environment, did); candidates = stored spans in no dataset whose quality reaches `minQuality`.
 */
export async function collectGaps(options: CollectGapsOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<GapsReport> {
  if (options.repo === undefined && options.store === undefined) throw new TypeError('gaps needs a repository or a store');
  const fromRepo = options.repo !== undefined ? await repoObservations(options, options.repo, token, progress) : { observations: [], material: [] };
  const hasLog = options.store !== undefined && fs.existsSync(path.join(options.store, LOG_FILE_NAME));
  const fromStore = hasLog ? await storeObservations(options, options.store!, token, progress) : { observations: [], material: [], candidates: [] };
  const areas = uncertaintyMap([...fromRepo.observations, ...fromStore.observations], [...fromRepo.material, ...fromStore.material], fromStore.candidates, options.map);
  return {
    report: 'gaps',
    repo: options.repo ?? null,
    store: hasLog ? options.store! : null,
    observations: { next_line_cases: fromRepo.observations.length, logged_suggestions: fromStore.observations.length },
    show_threshold: options.map.showThreshold,
    areas_total: areas.length,
    areas: areas.slice(0, options.top).map(withoutSecrets),
  };
}

/**
 * An area as it may be shown: a targeted line is a repository's line or what the engine predicted from other files,
 * and a candidate a stored span's text, so each may hold a secret the workspace has in clear.
 */
function withoutSecrets(area: UncertaintyArea): UncertaintyArea {
  const clean = <T extends { detail: string }>(item: T): T => ({ ...item, detail: redactSecrets(item.detail).text });
  return { ...area, targeted: area.targeted.map(clean), candidates: area.candidates.map(clean) };
}
