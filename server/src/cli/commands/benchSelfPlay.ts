import * as fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { CompletionEngineConfig } from '@arenalab/core';
import { benchSelfPlay } from '../../bench/benchSelfPlay';
import type { BenchSelfPlayResult, SelfPlayVariant } from '../../bench/benchSelfPlay';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';
import { parseEngineConfig } from './benchCompletion';

function parseFraction(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) throw new InvalidArgumentError('expected a number between 0 and 1 (exclusive)');
  return value;
}

/** `half-files`, or a JSON object of engine settings for B. */
function parseVariant(text: string): SelfPlayVariant {
  return text === 'half-files' ? { kind: 'half-files' } : { kind: 'config', config: parseEngineConfig(text) };
}

const score = (s: { em: number; es: number }) => `${s.em.toFixed(4)} / ${s.es.toFixed(4)}`;

export function formatSelfPlay(r: BenchSelfPlayResult): string {
  const { play, lessons, held_out: h } = r;
  return [
    `self-play on ${r.repo} up to ${r.head.sha.slice(0, 10)}: both start from ${r.start.sha.slice(0, 10)} (${r.start.date}, ${r.start.files} files); A ${JSON.stringify(r.creatures.A)}, B ${JSON.stringify(r.creatures.B)}`,
    `play: ${play.cases} cases from ${play.commits} commits; wins A ${play.wins.A}, B ${play.wins.B}, ties ${play.wins.tie} (win rate of decided: A ${play.win_rate.A}, B ${play.win_rate.B})`,
    `lessons (winner right, loser wrong): ${lessons.total} (to A ${lessons.to_A}, to B ${lessons.to_B}); files added A ${lessons.files_added.A}, B ${lessons.files_added.B}; sources credited A ${lessons.credited_sources.A}, B ${lessons.credited_sources.B}; own answers blamed A ${lessons.blamed_answers.A}, B ${lessons.blamed_answers.B}`,
    `held out: ${h.cases} cases from the last ${h.commits} commits, never played`,
    table([
      ['creature', 'EM / ES before', 'EM / ES after'],
      ['A', score(h.before.A), score(h.after.A)],
      ['B', score(h.before.B), score(h.after.B)],
    ]),
    table([
      ['creature', 'control (no play, no lessons)', 'lessons: after − control EM'],
      ['A', score(h.control.A), (h.after.A.em - h.control.A.em).toFixed(4)],
      ['B', score(h.control.B), (h.after.B.em - h.control.B.em).toFixed(4)],
    ]),
  ].join('\n');
}

/** `arenalab bench selfplay`: A against a variant B on a repository's history; the loser learns what the winner knew. */
export function registerBenchSelfPlayCommand(bench: Command): void {
  bench
    .command('selfplay')
    .description("Self-play: creature A (defaults, the whole start tree) against variant B (half the files, or other engine settings) on the added lines of later commits, judged by history (EM, then ES); where the winner was right and the loser wrong, a learn_from_self_play span is written and the loser learns it. Prints win rates and EM/ES before/after on held-out later commits.")
    .requiredOption('--repo <dir>', 'git repository (its first-parent line)')
    .option('--variant <spec>', "B: 'half-files' or a JSON object of engine settings, e.g. '{\"learnedWeightGain\":0}'", parseVariant, { kind: 'half-files' })
    .option('--start <fraction>', 'share of the history both creatures start from', parseFraction, 0.7)
    .option('--held-out <fraction>', 'share of the later commits (the newest) only measured, never played', parseFraction, 0.4)
    .option('--per-commit <n>', 'added lines per commit, a seeded sample', parsePositiveInt, 20)
    .option('--max-commits <n>', 'only the most recent N commits', parsePositiveInt)
    .option('--seed <n>', 'sampling seed (also the half of the files B gets)', parsePositiveInt, 1)
    .option('--engine-config <json>', 'engine settings of both creatures', parseEngineConfig)
    .option('--no-learn-code', "creatures do not index the played commits' code (the game stays at the start tree)")
    .option('--spans-out <file>', 'write the learning spans as JSON lines (ingest them with arenalab ingest)')
    .option('--json', 'print one JSON document (spans included)')
    .action(async (o: { repo: string; variant: SelfPlayVariant; start: number; heldOut: number; perCommit: number; maxCommits?: number; seed: number; engineConfig?: Partial<CompletionEngineConfig>; learnCode: boolean; spansOut?: string; json?: boolean }) => {
      const { spansOut, json, ...options } = o;
      const result = await withCliWork((token, progress) => benchSelfPlay(options, token, progress));
      if (spansOut !== undefined) fs.writeFileSync(spansOut, result.spans.map((s) => JSON.stringify(s)).join('\n') + (result.spans.length ? '\n' : ''));
      printResult(result, Boolean(json), formatSelfPlay);
    });
}
