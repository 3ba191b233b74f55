import { CompletionEngine } from '@arenalab/core';
import type { Cancellation, CompletionEngineConfig, GitCommit, Progress } from '@arenalab/core';
import { addedLineNumbers } from './addedLines';
import { GitRepoReader } from './gitRepoReader';
import type { RepoFile } from './gitRepoReader';
import type { ReplayChange, ReplayCommit, ReplayCreature, ReplayRunResult } from './replayTypes';
import { runReplay } from './runReplay';

export interface BenchReplayOptions {
  repo: string;
  /** Share of the history (by commits) the creatures start from, 0–1. */
  start: number;
  slices: number;
  perCommit: number;
  seed: number;
  /** Replay only the most recent N commits of the first-parent line (the start share is taken of these). */
  maxCommits?: number;
  /** Engine settings of every creature (ablations); defaults otherwise. */
  engineConfig?: Partial<CompletionEngineConfig>;
}

export type BenchReplayResult = {
  benchmark: 'replay';
  repo: string;
  commits: number;
  start: { commits: number; sha: string; date: string; files: number };
  /** learning − static over all cases. */
  delta: { em: number; es: number };
  /** What the learning creature ended up with. */
  learned: { files: number; weighted_sources: number };
  seconds: number;
} & ReplayRunResult;

/** A history too short to replay (fewer than two commits). */
export class ReplayHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayHistoryError';
  }
}

/** The creatures compared: built from the same start; only what each learns afterwards differs. */
export const REPLAY_CREATURES = ['static', 'learning', 'learning_code_only'] as const;

export async function* materialise(reader: GitRepoReader, commits: readonly GitCommit[]): AsyncGenerator<ReplayCommit> {
  for (const commit of commits) {
    const changes: ReplayChange[] = [];
    for (const change of commit.files) {
      if (!reader.isSourcePath(change.path) && !(change.oldPath !== undefined && reader.isSourcePath(change.oldPath))) continue;
      const file = change.status === 'deleted' ? undefined : await reader.fileAt(commit.sha, change.path);
      changes.push({
        path: change.path,
        ...(change.oldPath !== undefined ? { oldPath: change.oldPath } : {}),
        status: change.status,
        ...(file ? { file } : {}),
        added: file && !change.binary ? addedLineNumbers(change.patch) : [],
      });
    }
    yield { sha: commit.sha, date: commit.date, changes };
  }
}

function creature(name: (typeof REPLAY_CREATURES)[number], files: readonly RepoFile[], config: Partial<CompletionEngineConfig>): ReplayCreature & { engine: CompletionEngine } {
  const engine = new CompletionEngine(config);
  for (const file of files) engine.addFile(file.path, file.language, file.text);
  return { name, engine, learnsCode: name !== 'static', learnsFeedback: name === 'learning' };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * `arenalab bench replay`: the repository's first-parent history replayed in time order. Three creatures start
 * from the tree at the start commit; at every later commit each predicts the same sampled added lines, then
 * `learning` indexes the change and credits its shown predictions (exact match → accepted, else dismissed),
 * `learning_code_only` indexes the change only, and `static` learns nothing.
 */
export async function benchReplay(options: BenchReplayOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<BenchReplayResult> {
  const began = process.hrtime.bigint();
  const reader = new GitRepoReader(options.repo);
  const all = await reader.commits(token);
  const commits = options.maxCommits === undefined ? all : all.slice(-options.maxCommits);
  if (commits.length < 2) throw new ReplayHistoryError(`${options.repo}: ${commits.length} commit(s) on the first-parent line; a replay needs at least 2`);
  const startCount = Math.min(commits.length - 1, Math.max(1, Math.round(options.start * commits.length)));
  const base = commits[startCount - 1];
  progress.phase('start tree').report(0, 1);
  const initial = await reader.filesAt(base.sha, token);
  const creatures = REPLAY_CREATURES.map((name) => creature(name, initial, options.engineConfig ?? {}));
  const replayed = commits.slice(startCount);
  const run = await runReplay(materialise(reader, replayed), replayed.length, creatures, options, token, progress.phase('replay'));
  const learning = creatures[1].engine;
  return {
    benchmark: 'replay',
    repo: options.repo,
    commits: commits.length,
    start: { commits: startCount, sha: base.sha, date: base.date, files: initial.length },
    ...run,
    delta: { em: round(run.overall.learning.em - run.overall.static.em), es: round(run.overall.learning.es - run.overall.static.es) },
    learned: { files: learning.stats.files, weighted_sources: learning.weights.size },
    seconds: round(Number(process.hrtime.bigint() - began) / 1e9),
  };
}
