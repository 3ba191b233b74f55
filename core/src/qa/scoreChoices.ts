import type { AnswerGroup, ChatAnswer } from '../chat/chatTypes';
import type { Embedder } from '../ports/embedder';
import type { Random } from '../ports/random';
import type { Cancellation } from '../ports/cancellation';
import { cosineSimilarity } from '../util/cosineSimilarity';
import { normalizeOutcome } from '../matching/clusterOutcomes';

/** The choice a chat answer points to, and how sure that is. */
export interface ChoiceScore {
  chosen: number;
  /** Probability of the chosen choice, 0..1 (1 / choices when the answer carries no information). */
  confidence: number;
  /** Per-choice probabilities. */
  probabilities: number[];
}

/**
 * Lowest cosine between a group's answer and a choice for the group to vote for that choice. Rephrasings score
 * 0.5–0.85 with the hashing embedder; different short answers of one question (`About 8 minutes` / `About 8 hours`)
 * share n-grams and can score 0.4–0.6, which is why only the closest choice gets the vote.
 */
export const MIN_CHOICE_SIMILARITY = 0.5;

/** Each answer group votes its share for the choice closest to its answer (identical text counts as 1), if close enough. */
async function votes(groups: readonly AnswerGroup[], choices: readonly string[], embedder: Embedder, token?: Cancellation): Promise<number[]> {
  const tally = choices.map(() => 0);
  if (groups.length === 0) return tally;
  const vectors = await embedder.embed([...choices, ...groups.map((g) => g.answer)], token);
  groups.forEach((group, g) => {
    const similarity = choices.map((choice, i) => (normalizeOutcome(choice) === normalizeOutcome(group.answer) ? 1 : cosineSimilarity(vectors[i], vectors[choices.length + g])));
    const best = Math.max(...similarity);
    if (best < MIN_CHOICE_SIMILARITY) return;
    const closest = similarity.flatMap((value, i) => (best - value < 1e-12 ? [i] : []));
    for (const i of closest) tally[i] += group.share / closest.length;
  });
  return tally;
}

/**
 * Multiple choice by retrieval: each answer group votes its share for the choice closest to its answer (see
 * `votes`). The vote shares are mixed with the uniform distribution by the answer's confidence:
 * p = c · vote share + (1 − c) / k, so an answer that points at no choice, or comes from nothing (confidence 0), is a
 * uniform guess and claims 1/k. Ties are broken with the seeded `random`, never by position (TruthfulQA lists its
 * correct answers first).
 */
export async function scoreChoices(answer: ChatAnswer, choices: readonly string[], embedder: Embedder, random: Random, token?: Cancellation): Promise<ChoiceScore> {
  const k = choices.length;
  const raw = await votes(answer.groups, choices, embedder, token);
  const total = raw.reduce((a, b) => a + b, 0);
  const c = total > 0 ? answer.confidence : 0;
  const probabilities = raw.map((s) => c * (total > 0 ? s / total : 0) + (1 - c) / k);
  const best = Math.max(...probabilities);
  const tied = probabilities.flatMap((p, i) => (best - p < 1e-12 ? [i] : []));
  const chosen = tied[Math.floor(random.next() * tied.length)];
  return { chosen, confidence: probabilities[chosen], probabilities };
}
