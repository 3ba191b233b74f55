import { CompletionEngine, isSelfPlayLesson, judgeSelfPlay, scoreLine, seededRandom, selfPlaySpan, spanContentHash, throwIfCancelled, yieldToHost } from '@arenalab/core';
import type { Cancellation, CompletionEngineConfig, CompletionResult, Progress, SelfPlayAnswer, Span } from '@arenalab/core';
import { materialise, ReplayHistoryError } from './benchReplay';
import { GitRepoReader } from './gitRepoReader';
import type { RepoFile } from './gitRepoReader';
import type { ReplayCommit } from './replayTypes';
import { sampleCommitCases } from './runReplay';
import { predictedLine } from '../evaluation';

/** What B differs in: half the start tree's files (a seeded subset), or engine settings. */
export type SelfPlayVariant = { kind: 'half-files' } | { kind: 'config'; config: Partial<CompletionEngineConfig> };

export interface BenchSelfPlayOptions {
  repo: string;
  /** Share of the history both creatures start from (the tree at that commit). */
  start: number;
  /** Share of the later commits (the most recent) held out to measure before/after learning. */
  heldOut: number;
  perCommit: number;
  seed: number;
  maxCommits?: number;
  engineConfig?: Partial<CompletionEngineConfig>;
  variant: SelfPlayVariant;
  /**
   * After each played commit every creature indexes its changes (as `bench replay`'s learning creatures do), so the
   * game follows the history; the controls then show what the code alone taught and the lessons' share is the rest.
   */
  learnCode: boolean;
}

interface Score {
  cases: number;
  em: number;
  es: number;
}

interface Player {
  name: 'A' | 'B';
  config: unknown;
  engine: CompletionEngine;
}

export interface BenchSelfPlayResult {
  benchmark: 'selfplay';
  repo: string;
  start: { sha: string; date: string; files: number };
  /** The newest commit read: the history replayed is start..head. */
  head: { sha: string; date: string };
  creatures: { A: unknown; B: unknown };
  play: { commits: number; cases: number; wins: { A: number; B: number; tie: number }; win_rate: { A: number; B: number } };
  lessons: { total: number; to_A: number; to_B: number; files_added: { A: number; B: number }; credited_sources: { A: number; B: number }; blamed_answers: { A: number; B: number } };
  /**
   * before: at the start; after: after the play (and, with learnCode, the played commits' code); control: a copy of
   * each creature that played nothing and got no lessons (but indexed the same commits): after − control = lessons.
   */
  held_out: { commits: number; cases: number; before: { A: Score; B: Score }; after: { A: Score; B: Score }; control: { A: Score; B: Score } };
  /** The learning spans (self_play / learn_from_self_play), with content ids. */
  spans: Span[];
}

type Case = ReturnType<typeof sampleCommitCases>[number] & { date: string };

const round = (x: number) => Math.round(x * 10000) / 10000;

function requestFor(c: Case) {
  const lines = c.change.file.text.split('\n');
  return { file: c.change.file.path, language: c.change.file.language, prefix: lines.slice(0, c.line).map((l) => l + '\n').join(''), suffix: lines.slice(c.line + 1).join('\n') };
}

function answer(result: CompletionResult, truth: string): SelfPlayAnswer {
  const prediction = predictedLine(result);
  return { ...scoreLine(prediction, truth), prediction: prediction.trim(), confidence: result.bestConfidence };
}

const truthOf = (c: Case) => c.change.file.text.split('\n')[c.line].trim();

async function evaluate(engine: CompletionEngine, cases: readonly Case[], token: Cancellation): Promise<Score> {
  let em = 0;
  let es = 0;
  for (let i = 0; i < cases.length; i++) {
    if (i % 50 === 0) {
      await yieldToHost();
      throwIfCancelled(token, 'self-play evaluation');
    }
    const a = answer(engine.complete(requestFor(cases[i]), { showThreshold: 0 }), truthOf(cases[i]));
    em += Number(a.em);
    es += a.es;
  }
  return { cases: cases.length, em: round(cases.length ? em / cases.length : 0), es: round(cases.length ? es / cases.length : 0) };
}

/** A seeded half of the files, in path order. */
function halfOf(files: readonly RepoFile[], seed: number): RepoFile[] {
  const random = seededRandom(seed);
  return files.filter(() => random.next() < 0.5);
}

function players(initial: readonly RepoFile[], options: BenchSelfPlayOptions): [Player, Player, Player, Player] {
  const base = options.engineConfig ?? {};
  const a = new CompletionEngine(base);
  for (const f of initial) a.addFile(f.path, f.language, f.text);
  const bConfig = options.variant.kind === 'config' ? { ...base, ...options.variant.config } : base;
  const b = new CompletionEngine(bConfig);
  const bFiles = options.variant.kind === 'half-files' ? halfOf(initial, options.seed) : initial;
  for (const f of bFiles) b.addFile(f.path, f.language, f.text);
  const described = (files: number, config: unknown) => ({ engine_config: config, files });
  const copy = (config: Partial<CompletionEngineConfig>, files: readonly RepoFile[]) => {
    const engine = new CompletionEngine(config);
    for (const f of files) engine.addFile(f.path, f.language, f.text);
    return engine;
  };
  return [
    { name: 'A', config: described(initial.length, base), engine: a },
    { name: 'B', config: described(bFiles.length, bConfig), engine: b },
    { name: 'A', config: described(initial.length, base), engine: copy(base, initial) },
    { name: 'B', config: described(bFiles.length, bConfig), engine: copy(bConfig, bFiles) },
  ];
}

/** A played commit's code, as a replay's learning creature takes it; `known` keeps the latest version of every file. */
function learnCommit(engines: readonly CompletionEngine[], commit: ReplayCommit, known: Map<string, RepoFile>): void {
  for (const change of commit.changes) {
    for (const engine of engines) {
      if (change.oldPath !== undefined && change.oldPath !== change.path) engine.unlearnFile(change.oldPath);
      if (change.file) engine.addFile(change.file.path, change.file.language, change.file.text);
      else engine.unlearnFile(change.path);
    }
    if (change.file) known.set(change.path, change.file);
  }
}

/**
 * The loser learns the lesson: the files the winner's sources live in that it lacks (the winning example, in the
 * version known at this point of the history: the start tree and the commits played so far), then an acceptance
 * credited to those sources and, when its own answer would have been shown, a dismissal of it. No file of a later
 * commit is ever added, so no future line reaches the held-out cases through a lesson.
 */
function teach(loser: Player, winnerResult: CompletionResult, loserResult: CompletionResult, lessonId: string, known: ReadonlyMap<string, RepoFile>, counts: BenchSelfPlayResult['lessons']): void {
  const best = winnerResult.candidates[0];
  for (const file of new Set(best.provenance.flatMap((p) => (p.file === undefined ? [] : [p.file])))) {
    const source = known.get(file);
    if (source === undefined || loser.engine.hasFile(file)) continue;
    loser.engine.addFile(source.path, source.language, source.text);
    counts.files_added[loser.name]++;
  }
  loser.engine.recordOutcome(best, 'accepted', lessonId);
  counts.credited_sources[loser.name] += best.provenance.length;
  const own = loserResult.candidates[0];
  if (own !== undefined && own.confidence >= loser.engine.config.showThreshold) {
    loser.engine.recordOutcome(own, 'dismissed', `${lessonId}:own`);
    counts.blamed_answers[loser.name]++;
  }
}

/**
 * `arenalab bench selfplay`: creature A (defaults, the whole start tree) plays variant B on the added
 * lines of the commits after the start, both judged against what history says came next (EM, then ES). Where the
 * winner was right and the loser wrong, the lesson becomes a `learn_from_self_play` span and the loser learns it.
 * The most recent `heldOut` share of the commits is never played: both creatures are scored on it before and after.
 */
export async function benchSelfPlay(options: BenchSelfPlayOptions, token: Cancellation, progress: { phase(label: string): Progress }): Promise<BenchSelfPlayResult> {
  const reader = new GitRepoReader(options.repo);
  const all = await reader.commits(token);
  const commits = options.maxCommits === undefined ? all : all.slice(-options.maxCommits);
  if (commits.length < 3) throw new ReplayHistoryError(`${options.repo}: ${commits.length} commit(s) on the first-parent line; self-play needs at least 3`);
  const startCount = Math.min(commits.length - 2, Math.max(1, Math.round(options.start * commits.length)));
  const base = commits[startCount - 1];
  const initial = await reader.filesAt(base.sha, token);
  const startTree = new Map(initial.map((f) => [f.path, f]));
  const later = commits.slice(startCount);
  const playCount = Math.min(later.length - 1, Math.max(1, Math.round(later.length * (1 - options.heldOut))));
  const cases: Case[][] = [];
  const read: ReplayCommit[] = [];
  const reading = progress.phase('read history');
  for await (const commit of materialise(reader, later)) {
    reading.report(cases.length, later.length);
    throwIfCancelled(token, 'self-play');
    if (read.length < playCount) read.push(commit);
    cases.push(sampleCommitCases(commit, { slices: 1, perCommit: options.perCommit, seed: options.seed }).map((c) => ({ ...c, date: commit.date })));
  }
  const play = cases.slice(0, playCount);
  const held = cases.slice(playCount).flat();
  const [a, b, controlA, controlB] = players(initial, options);
  const known = new Map(startTree);
  const before = { A: await evaluate(a.engine, held, token), B: await evaluate(b.engine, held, token) };
  const wins = { A: 0, B: 0, tie: 0 };
  const lessons: BenchSelfPlayResult['lessons'] = { total: 0, to_A: 0, to_B: 0, files_added: { A: 0, B: 0 }, credited_sources: { A: 0, B: 0 }, blamed_answers: { A: 0, B: 0 } };
  const spans: Span[] = [];
  const playing = progress.phase('play');
  for (let n = 0; n < play.length; n++) {
    playing.report(n, play.length);
    await yieldToHost();
    throwIfCancelled(token, 'self-play');
    for (const c of play[n]) playCase(c);
    if (options.learnCode) learnCommit([a.engine, b.engine, controlA.engine, controlB.engine], read[n], known);
  }
  function playCase(c: Case): void {
    const truth = truthOf(c);
    const results = { A: a.engine.complete(requestFor(c), { showThreshold: 0 }), B: b.engine.complete(requestFor(c), { showThreshold: 0 }) };
    const answers = { A: answer(results.A, truth), B: answer(results.B, truth) };
    const verdict = judgeSelfPlay(answers.A, answers.B);
    if (verdict === 'tie') {
      wins.tie++;
      return;
    }
    const [winner, loser] = verdict === 'a' ? [a, b] : [b, a];
    wins[winner.name]++;
    if (!isSelfPlayLesson(answers[winner.name], answers[loser.name])) return;
    const draft = selfPlaySpan({
      caseId: c.id, file: c.change.file.path, line: c.line, commitDate: c.date, truth,
      winner: { name: winner.name, config: winner.config, answer: answers[winner.name], sources: results[winner.name].candidates[0].provenance.flatMap((p) => (p.spanId === undefined ? [] : [p.spanId])) },
      loser: { name: loser.name, config: loser.config, answer: answers[loser.name] },
    });
    const span = { ...draft, id: spanContentHash(draft as Span).slice(0, 32) } as Span;
    spans.push(span);
    lessons.total++;
    lessons[loser.name === 'A' ? 'to_A' : 'to_B']++;
    teach(loser, results[winner.name], results[loser.name], span.id, known, lessons);
  }
  const after = { A: await evaluate(a.engine, held, token), B: await evaluate(b.engine, held, token) };
  const control = { A: await evaluate(controlA.engine, held, token), B: await evaluate(controlB.engine, held, token) };
  const decided = wins.A + wins.B;
  return {
    benchmark: 'selfplay',
    repo: options.repo,
    start: { sha: base.sha, date: base.date, files: initial.length },
    head: { sha: commits[commits.length - 1].sha, date: commits[commits.length - 1].date },
    creatures: { A: a.config, B: b.config },
    play: { commits: playCount, cases: play.flat().length, wins, win_rate: { A: round(decided ? wins.A / decided : 0), B: round(decided ? wins.B / decided : 0) } },
    lessons,
    held_out: { commits: later.length - playCount, cases: held.length, before, after, control },
    spans,
  };
}
