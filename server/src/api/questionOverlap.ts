import { splitWords } from '@arenalab/core';

/** Longest text read for the overlap; questions are short, pasted logs are cut. */
const MAX_CHARS = 4000;
/** Floor of the overlap before squaring: an unrelated past question still votes, faintly, rather than vanishing. */
const FLOOR = 0.05;

/** Words every question shares ("how do I … in …"): counting them made unrelated questions look a third alike. */
const QUESTION_WORDS = new Set(['how', 'what', 'why', 'when', 'where', 'which', 'who', 'the', 'and', 'can', 'does', 'for', 'you', 'with', 'this', 'that', 'into', 'from', 'are', 'should', 'would', 'could', 'there', 'make', 'get', 'use']);

/** Content words: two letters or fewer and the question words above are left out, unless nothing else is left. */
function wordSet(text: string): Set<string> {
  const parts = splitWords(text, MAX_CHARS).parts;
  const content = parts.filter((word) => word.length > 2 && !QUESTION_WORDS.has(word));
  return new Set(content.length > 0 ? content : parts);
}

/**
 * How much a past question should weigh in the vote on a new one: the Jaccard overlap of their words, squared. The
 * matcher ranks and votes by context similarity only (matching/README "Known problems"), so in one domain an
 * unrelated question voted as much as the same question asked again; squaring keeps near-repeats dominant.
 */
export function questionOverlapWeight(question: string, pastQuestion: string): number {
  const a = wordSet(question);
  const b = wordSet(pastQuestion);
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  const jaccard = union === 0 ? 0 : shared / union;
  return Math.max(jaccard, FLOOR) ** 2;
}
