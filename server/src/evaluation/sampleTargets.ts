import { seededRandom } from '@arenalab/core';

/** A seeded sample of `count` paths, in path order; all of them when there are no more than `count`. */
export function sampleTargets(paths: readonly string[], count: number | undefined, seed: number): string[] {
  if (count === undefined || count >= paths.length) return [...paths];
  const random = seededRandom(seed);
  const pool = [...paths];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort();
}
