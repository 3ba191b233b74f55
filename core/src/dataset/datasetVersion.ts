import { InvalidVersionError } from './datasetErrors';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parts(version: string): [number, number, number] {
  const match = SEMVER.exec(version);
  if (!match) throw new InvalidVersionError(version);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isValidVersion(version: string): boolean {
  return SEMVER.test(version);
}

/** Negative, zero or positive like a sort comparator. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** `1.4.2` → `1.5.0`: a rebuild changes content compatibly. */
export function bumpMinor(version: string): string {
  const [major, minor] = parts(version);
  return `${major}.${minor + 1}.0`;
}

/** The version a new build of a dataset gets: `1.0.0` for a new name, else the latest bumped by one minor. */
export function nextDatasetVersion(existing: readonly string[]): string {
  if (existing.length === 0) return '1.0.0';
  return bumpMinor([...existing].sort(compareVersions)[existing.length - 1]);
}

/** How datasets are identified: `name@version`. */
export function datasetRef(name: string, version: string): string {
  return `${name}@${version}`;
}
