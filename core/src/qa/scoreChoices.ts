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

async function support(groups: readonly AnswerGroup[], choices: readonly string[], embedder: Embedder, token?: Cancellation): Promise<number[]> {
  if (groups.length === 0) return choices.map(() => 0);
  const vectors = await embedder.embed([...choices, ...groups.map((g) => g.answer)], token);
  return choices.map((choice, i) =>
    groups.reduce((sum, group, g) => {
      const same = normalizeOutcome(choice) === normalizeOutcome(group.answer);
      return sum + group.share * (same ? 1 : Math.max(0, cosineSimilarity(vectors[i], vectors[choices.length + g])));
    }, 0),
  );
}

/**
 * Multiple choice by retrieval: each choice is supported by the answer groups in proportion to their share and to
 * the cosine between the choice and the group's answer. The supports, normalised, are mixed with the uniform
 * distribution by the answer's confidence: p = c · support share + (1 − c) / k, so an answer from nothing (confidence
 * 0) is a uniform guess and claims 1/k. Ties are broken with the seeded `random`, never by position (TruthfulQA
 * lists its correct answers first).
 */
export async function scoreChoices(answer: ChatAnswer, choices: readonly string[], embedder: Embedder, random: Random, token?: Cancellation): Promise<ChoiceScore> {
  const k = choices.length;
  const raw = await support(answer.groups, choices, embedder, token);
  const total = raw.reduce((a, b) => a + b, 0);
  const c = total > 0 ? answer.confidence : 0;
  const probabilities = raw.map((s) => c * (total > 0 ? s / total : 0) + (1 - c) / k);
  const best = Math.max(...probabilities);
  const tied = probabilities.flatMap((p, i) => (best - p < 1e-12 ? [i] : []));
  const chosen = tied[Math.floor(random.next() * tied.length)];
  return { chosen, confidence: probabilities[chosen], probabilities };
}
