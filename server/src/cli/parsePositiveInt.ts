import { InvalidArgumentError } from 'commander';

/** Commander argument parser for counts: a clear message instead of NaN creeping into the work. */
export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return parsed;
}
