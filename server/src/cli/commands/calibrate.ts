import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { benchCalibration } from '../../bench/benchCalibration';
import type { BenchCalibrationOptions, BenchCalibrationResult, CalibrationSourceResult } from '../../bench/benchCalibration';
import { resolveStoreDir } from '../../store';
import { printResult, table } from '../output';
import { parsePositiveInt } from '../parsePositiveInt';
import { withCliWork } from '../withCliWork';

function parsePrecision(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new InvalidArgumentError('expected a precision in (0, 1], e.g. 0.8');
  return value;
}

function parseMethod(text: string): 'isotonic' | 'histogram' {
  if (text !== 'isotonic' && text !== 'histogram') throw new InvalidArgumentError('expected isotonic or histogram');
  return text;
}

const fixed = (x: number) => x.toFixed(4);

function row(name: string, r: CalibrationSourceResult | null): (string | number)[] {
  if (r === null) return [name, 'not measured', '', '', '', '', ''];
  const t = r.threshold;
  return [name, r.points, fixed(r.accuracy), fixed(r.ece_before), fixed(r.ece_after), t ? fixed(t.threshold) : 'unreachable', t ? `${fixed(t.precision)} / ${fixed(t.coverage)}` : '-'];
}

function formatCalibration(r: BenchCalibrationResult): string {
  const target = r.store?.target_precision ?? r.benchmark_cases?.target_precision;
  return [
    `confidence calibration (${r.method}, ECE over ${r.bins} bins, after = ${r.folds}-fold cross-fitted), target precision ${target}`,
    table([
      ['source', 'points', 'right', 'ECE before', 'ECE after', 'show threshold', 'precision / coverage'],
      row(r.store ? `store ${r.store.path}` : 'store (no log)', r.store),
      row(r.benchmark_cases ? `next-line cases ${r.benchmark_cases.repo}` : 'next-line cases (no --repo)', r.benchmark_cases),
    ]),
    ...(r.self_calibration
      ? ['engine self-calibration on the repository, 2-fold cross-fitted by file:', table([['mode', 'samples', 'right', 'ECE raw', 'ECE calibrated'], ...r.self_calibration.map((m) => [m.mode, m.samples, fixed(m.accuracy), fixed(m.ece_raw), fixed(m.ece_calibrated)])])]
      : []),
    "The show threshold is in the confidence each source carries (the engine's, self-calibrated, for next-line cases; as logged for the store); pass it as showThreshold; a host follows a target precision with OnlineLearner.showThreshold.",
  ].join('\n');
}

/** `arenalab calibrate`: how trustworthy the confidence is, and the show threshold for a target precision. */
export function registerCalibrateCommand(program: Command): void {
  program
    .command('calibrate')
    .description("Calibrate suggestion confidence on the store's logged outcomes (accepted and kept vs not) and, with --repo, on next-line benchmark cases: ECE before/after and the show threshold for a target precision.")
    .option('--store <dir>', 'span store with logged suggestion outcomes (default: ./.arenalab)')
    .option('--repo <dir>', 'also calibrate on the next-line benchmark cases of this repository')
    .option('--per-file <n>', 'benchmark target lines per file', parsePositiveInt, 10)
    .option('--max-files <n>', 'benchmark at most this many files', parsePositiveInt)
    .option('--seed <n>', 'seed of the benchmark sample and the cross-fit folds', parsePositiveInt, 1)
    .option('--method <name>', 'isotonic or histogram', parseMethod, 'isotonic')
    .option('--bins <n>', 'ECE (and histogram) bins', parsePositiveInt, 10)
    .option('--folds <n>', 'cross-fit folds for the ECE after calibration', parsePositiveInt, 5)
    .option('--target <precision>', 'target precision of shown suggestions', parsePrecision, 0.8)
    .option('--json', 'print one JSON document')
    .action(async (options: Omit<BenchCalibrationOptions, 'store' | 'targetPrecision'> & { store?: string; target: number; json?: boolean }) => {
      const settings: BenchCalibrationOptions = { ...options, store: resolveStoreDir(options.store), targetPrecision: options.target };
      const result = await withCliWork((token, progress) => benchCalibration(settings, token, progress));
      printResult(result, Boolean(options.json), formatCalibration);
    });
}
