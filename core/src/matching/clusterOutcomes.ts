import { cosineSimilarity } from '../util/cosineSimilarity';
import type { MatchedTrajectory } from './trajectory';

/** Members of one outcome group, most important first, before masses are turned into probabilities. */
export interface RawOutcomeCluster {
  members: MatchedTrajectory[];
  representative: MatchedTrajectory;
}

/** Lower case, single spaces, no trailing punctuation: `Tests pass.` and `tests  pass` are the same outcome. */
export function normalizeOutcome(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!?;:,\s]+$/, '');
}

function sameOutcome(a: MatchedTrajectory, b: MatchedTrajectory, vectors: ReadonlyMap<string, Float32Array>): number {
  if (normalizeOutcome(a.trajectory.outcome ?? '') === normalizeOutcome(b.trajectory.outcome ?? '')) return 1;
  const left = vectors.get(a.trajectory.id);
  const right = vectors.get(b.trajectory.id);
  return left && right ? cosineSimilarity(left, right) : 0;
}

/**
 * The most central member: the highest score-weighted mean similarity to every member (itself included), so a
 * paraphrase close to all the others beats an outlier; ties go to the earlier (higher-ranked) member.
 */
function mostCentral(members: readonly MatchedTrajectory[], vectors: ReadonlyMap<string, Float32Array>): MatchedTrajectory {
  let best = members[0];
  let bestCentrality = -Infinity;
  for (const member of members) {
    const centrality = members.reduce((sum, other) => sum + other.score * (other === member ? 1 : sameOutcome(member, other, vectors)), 0);
    if (centrality > bestCentrality + 1e-12) {
      best = member;
      bestCentrality = centrality;
    }
  }
  return best;
}

/**
 * Greedy leader clustering of the trajectories' outcomes, in rank order: each outcome joins the cluster whose
 * leader (first member) it is most similar to, if that similarity reaches `threshold`, and starts a new cluster
 * otherwise. Identical outcomes (after `normalizeOutcome`) always group, even when their text has no words to
 * embed. Comparing with the leader, not a moving centroid, keeps the result independent of later members.
 */
export function clusterOutcomes(ranked: readonly MatchedTrajectory[], vectors: ReadonlyMap<string, Float32Array>, threshold: number): RawOutcomeCluster[] {
  const groups: MatchedTrajectory[][] = [];
  for (const item of ranked) {
    let bestGroup: MatchedTrajectory[] | undefined;
    let bestSimilarity = -Infinity;
    for (const group of groups) {
      const similarity = sameOutcome(item, group[0], vectors);
      if (similarity >= threshold && similarity > bestSimilarity) {
        bestGroup = group;
        bestSimilarity = similarity;
      }
    }
    if (bestGroup) bestGroup.push(item);
    else groups.push([item]);
  }
  return groups.map((members) => ({ members, representative: mostCentral(members, vectors) }));
}
