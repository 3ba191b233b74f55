import type { Candidate } from './dedupeSpans';
import type { DropRecorder } from './dropReport';

/**
 * Keeps at most `maxPerDomain` spans per full domain path so that no domain dominates. `candidates` must be
 * sorted best first (total_score, then earlier `when`, then id), so the kept ones are the best of each domain.
 */
export function balanceDomains(candidates: readonly Candidate[], maxPerDomain: number, drops: DropRecorder): Candidate[] {
  const limit = Math.max(1, Math.floor(maxPerDomain));
  const perDomain = new Map<string, number>();
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    const count = perDomain.get(candidate.domain) ?? 0;
    if (count >= limit) {
      drops.drop(candidate.span.id, 'domain_balance', `domain ${candidate.domain} already has ${limit} better spans`);
      continue;
    }
    perDomain.set(candidate.domain, count + 1);
    kept.push(candidate);
  }
  return kept;
}
