import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { SETTINGS } from '@arenalab/protocol';
import { collectGaps } from '../../evaluation';
import type { GapsReport } from '../../evaluation';
import { resolveStoreDir } from '../../store';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

function parseUnit(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new InvalidArgumentError('expected a number in [0, 1], e.g. 0.5');
  return value;
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

/** The gaps as printed: the table of areas, then each area's targeted examples and candidates. */
export function formatGaps(r: GapsReport): string {
  const header = `uncertainty map: ${r.observations.next_line_cases} next-line cases${r.repo ? ` of ${r.repo}` : ''}, ${r.observations.logged_suggestions} logged suggestions${r.store ? ` in ${r.store}` : ''}; show threshold ${r.show_threshold}; ${r.areas.length} weakest of ${r.areas_total} areas`;
  const rows = r.areas.map((a, i) => [i + 1, a.domain, a.action, a.observations, a.examples, pct(a.coverage), a.meanConfidence.toFixed(3), pct(a.em), a.es === null ? '-' : a.es.toFixed(3), pct(a.weakness) + (a.sparse ? ' (sparse)' : ''), pct(a.weaknessBound)]);
  const details = r.areas.flatMap((a, i) => {
    const lines = [`${i + 1}. ${a.domain} / ${a.action}`];
    for (const t of a.targeted) lines.push(`   ${t.ref}  conf ${t.confidence.toFixed(3)}  ${t.detail}`);
    for (const c of a.candidates) lines.push(`   add span ${c.ref} (quality ${c.quality}): ${c.detail}`);
    if (lines.length === 1) lines.push('   (nothing targeted: no wrong or unanswered observations, no unused material)');
    return lines;
  });
  return [header, table([['#', 'domain', 'action', 'asked', 'examples', 'coverage', 'mean conf', 'EM', 'ES', 'weakness', 'surely ≥'], ...rows]), '', 'targeted examples (wrong first, least confident first) and unused stored material:', ...details].join('\n');
}

/** `arenalab gaps`: active learning's uncertainty map, weakest areas first with what would help them. */
export function registerGapsCommand(program: Command): void {
  program
    .command('gaps')
    .description("List the creature's weakest areas (domain × action: coverage at the show threshold, mean confidence, EM/ES where the truth is known, example count) with the targeted examples that would help most; from a repository's next-line cases and/or the store's logged suggestions and spans.")
    .option('--store <dir>', 'span store with logged suggestions, spans and datasets (default: ./.arenalab)')
    .option('--repo <dir>', "run the repository's next-line cases (each file held out)")
    .option('--per-file <n>', 'target lines per file', parsePositiveInt, 10)
    .option('--max-files <n>', 'at most this many target files (seeded sample)', parsePositiveInt)
    .option('--seed <n>', 'seed of the sample', parsePositiveInt, 1)
    .option('--depth <n>', 'folder segments in a code domain', parsePositiveInt, 3)
    .option('--top <n>', 'weakest areas listed', parsePositiveInt, 10)
    .option('--examples <n>', 'targeted examples and candidates per area', parsePositiveInt, 5)
    .option('--min-observations <n>', 'areas with fewer observations are sparse (ranked after measured ones)', parsePositiveInt, 5)
    .option('--show-threshold <x>', 'raw confidence at which a suggestion is shown', parseUnit, SETTINGS.confidenceThreshold.default)
    .option('--min-quality <n>', 'quality at which an unused stored span is offered', parsePositiveInt, 80)
    .option('--json', 'print one JSON document')
    .action(async (o: { store?: string; repo?: string; perFile: number; maxFiles?: number; seed: number; depth: number; top: number; examples: number; minObservations: number; showThreshold: number; minQuality: number; json?: boolean }) => {
      const settings = {
        store: resolveStoreDir(o.store),
        ...(o.repo !== undefined ? { repo: o.repo } : {}),
        perFile: o.perFile,
        ...(o.maxFiles !== undefined ? { maxFiles: o.maxFiles } : {}),
        seed: o.seed,
        depth: o.depth,
        top: o.top,
        minQuality: o.minQuality,
        map: { showThreshold: o.showThreshold, minObservations: o.minObservations, examplesPerArea: o.examples },
      };
      const result = await withCliWork((token, progress) => collectGaps(settings, token, progress));
      printResult(result, Boolean(o.json), formatGaps);
    });
}
