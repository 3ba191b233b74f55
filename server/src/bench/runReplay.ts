import { isEligibleTargetLine, scoreLine, seededRandom, throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { Cancellation, CompletionResult, Progress } from '@arenalab/core';
import type { RepoFile } from './gitRepoReader';
import type { ReplayChange, ReplayCommit, ReplayCreature, ReplayRunResult, ReplaySlice } from './replayTypes';
import { predictedLine } from '../evaluation';

export interface ReplayConfig {
  /** Slices of the replayed history the learning curve is reported over. */
  slices: number;
  /** Most target lines predicted per commit (a seeded sample of its added lines). */
  perCommit: number;
  seed: number;
}

/** One target: an added line of a changed file, predicted from the rest of the new version. */
interface ReplayCase {
  id: string;
  change: ReplayChange & { file: RepoFile };
  line: number;
}

interface CaseScore {
  em: boolean;
  es: number;
  shown: boolean;
}

/** FNV-1a of the commit id mixed with the seed: a commit's sample depends on nothing else. */
function commitSeed(seed: number, sha: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < sha.length; i++) hash = Math.imul(hash ^ sha.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Up to `perCommit` eligible added lines of the commit, chosen with a seeded shuffle, in file and line order. */
export function sampleCommitCases(commit: ReplayCommit, config: ReplayConfig): ReplayCase[] {
  const pool: ReplayCase[] = [];
  for (const change of commit.changes) {
    const file = change.file;
    if (!file) continue;
    const lines = file.text.split('\n');
    for (const line of change.added) {
      if (line < lines.length && isEligibleTargetLine(lines[line])) pool.push({ id: `${commit.sha}:${file.path}:${line}`, change: { ...change, file }, line });
    }
  }
  const random = seededRandom(commitSeed(config.seed, commit.sha));
  const take = Math.min(config.perCommit, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take).sort((a, b) => (a.change.file.path < b.change.file.path ? -1 : a.change.file.path > b.change.file.path ? 1 : a.line - b.line));
}

/** The request for a case: the new version of the file with the target line (and its newline) cut out. */
function requestFor(c: ReplayCase) {
  const lines = c.change.file.text.split('\n');
  const prefix = lines.slice(0, c.line).map((l) => l + '\n').join('');
  const suffix = lines.slice(c.line + 1).join('\n');
  return { file: c.change.file.path, language: c.change.file.language, prefix, suffix };
}

/** After a commit: what a code-learning creature indexes and forgets. */
function learnCode(creature: ReplayCreature, commit: ReplayCommit): void {
  for (const change of commit.changes) {
    if (change.oldPath !== undefined && change.oldPath !== change.path) creature.engine.unlearnFile(change.oldPath);
    if (change.file) creature.engine.addFile(change.file.path, change.file.language, change.file.text);
    else creature.engine.unlearnFile(change.path);
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Replays a history as a stream of edits: at each commit every creature predicts the same sampled added lines
 * (next-line protocol on the new code: the file's new prefix and suffix, never the target line), then the learning
 * creatures learn the real change (and, with feedback, their own shown predictions' outcomes). Scores are kept per
 * slice of the replayed history: the learning curve.
 */
export async function runReplay(
  commits: AsyncIterable<ReplayCommit> | Iterable<ReplayCommit>,
  total: number,
  creatures: readonly ReplayCreature[],
  config: ReplayConfig,
  token: Cancellation,
  progress: Progress,
): Promise<ReplayRunResult> {
  const scores = new Map<string, CaseScore[][]>(creatures.map((c) => [c.name, Array.from({ length: config.slices }, () => [])]));
  const sliceCommits: ReplayCommit[][] = Array.from({ length: config.slices }, () => []);
  let index = 0;
  for await (const commit of commits) {
    progress.report(index, total, commit.sha.slice(0, 8));
    await yieldToHost();
    throwIfCancelled(token, 'replay');
    const slice = Math.min(config.slices - 1, Math.floor((index * config.slices) / Math.max(1, total)));
    sliceCommits[slice].push(commit);
    const cases = sampleCommitCases(commit, config);
    for (const creature of creatures) {
      const results: [ReplayCase, CompletionResult][] = cases.map((c) => [c, creature.engine.complete(requestFor(c), { showThreshold: 0 })]);
      for (const [c, result] of results) {
        const target = c.change.file.text.split('\n')[c.line];
        const score = scoreLine(predictedLine(result), target);
        scores.get(creature.name)![slice].push({ ...score, shown: result.bestConfidence >= creature.engine.config.showThreshold && result.candidates.length > 0 });
      }
      if (creature.learnsCode) learnCode(creature, commit);
      if (creature.learnsFeedback) {
        for (const [c, result] of results) {
          const best = result.candidates[0];
          if (best === undefined || result.bestConfidence < creature.engine.config.showThreshold) continue;
          const target = c.change.file.text.split('\n')[c.line];
          creature.engine.recordOutcome(best, scoreLine(predictedLine(result), target).em ? 'accepted' : 'dismissed', c.id);
        }
      }
    }
    index++;
  }
  return summarise(creatures, scores, sliceCommits, index);
}

function summarise(creatures: readonly ReplayCreature[], scores: Map<string, CaseScore[][]>, sliceCommits: ReplayCommit[][], replayed: number): ReplayRunResult {
  const slices: ReplaySlice[] = sliceCommits.flatMap((commits, slice) => {
    if (commits.length === 0) return [];
    const creatureScores = Object.fromEntries(
      creatures.map((c) => {
        const s = scores.get(c.name)![slice];
        return [c.name, { em: round(mean(s.map((x) => Number(x.em)))), es: round(mean(s.map((x) => x.es))) }];
      }),
    );
    const cases = scores.get(creatures[0]?.name ?? '')?.[slice].length ?? 0;
    return [{ slice: slice + 1, commits: commits.length, first_date: commits[0].date, last_date: commits[commits.length - 1].date, cases, creatures: creatureScores }];
  });
  const overall = Object.fromEntries(
    creatures.map((c) => {
      const all = scores.get(c.name)!.flat();
      const shown = all.filter((x) => x.shown);
      return [
        c.name,
        {
          cases: all.length,
          em: round(mean(all.map((x) => Number(x.em)))),
          es: round(mean(all.map((x) => x.es))),
          coverage: round(all.length === 0 ? 0 : shown.length / all.length),
          shown_em: shown.length === 0 ? null : round(mean(shown.map((x) => Number(x.em)))),
        },
      ];
    }),
  );
  return { replayed_commits: replayed, cases: scores.get(creatures[0]?.name ?? '')?.flat().length ?? 0, slices, overall };
}
