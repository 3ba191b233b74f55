import type { BenchReplayResult } from '../bench/benchReplay';
import { REPLAY_CREATURES } from '../bench/benchReplay';
import { table } from './output';

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);
const points = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pt`;

/** Human form of `arenalab bench replay`: the learning curve per slice, then the totals; same numbers as the JSON. */
export function formatReplayBench(r: BenchReplayResult): string {
  return [
    `replay benchmark: ${r.repo}, ${r.commits} commits; creatures start at commit ${r.start.commits} (${r.start.date}, ${r.start.files} files), ${r.replayed_commits} replayed, ${r.cases} cases`,
    table([
      ['slice', 'commits', 'until', 'cases', ...REPLAY_CREATURES.flatMap((c) => [`${c} EM`, `${c} ES`])],
      ...r.slices.map((s) => [s.slice, s.commits, s.last_date.slice(0, 10), s.cases, ...REPLAY_CREATURES.flatMap((c) => [percent(s.creatures[c]?.em), percent(s.creatures[c]?.es)])]),
      ['all', r.replayed_commits, '', r.cases, ...REPLAY_CREATURES.flatMap((c) => [percent(r.overall[c]?.em), percent(r.overall[c]?.es)])],
    ]),
    `learning − static: EM ${points(r.delta.em)}, ES ${points(r.delta.es)}; learning ended with ${r.learned.files} files and ${r.learned.weighted_sources} weighted sources; ${r.seconds} s`,
  ].join('\n');
}
