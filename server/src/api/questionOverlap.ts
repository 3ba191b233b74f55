import { splitWords } from '@arenalab/core';

/** Longest text read for the overlap; questions are short, pasted logs are cut. */
const MAX_CHARS = 4000;
/** Floor of the overlap before squaring: an unrelated past question still votes, faintly, rather than vanishing. */
const FLOOR = 0.05;

/** Words every question shares ("how do I … in …"): counting them made unrelated questions look a third alike. */
const QUESTION_WORDS = new Set(['how', 'what', 'why', 'when', 'where', 'which', 'who', 'the', 'and', 'can', 'does', 'for', 'you', 'with', 'this', 'that', 'into', 'from', 'are', 'should', 'would', 'could', 'there', 'make', 'get', 'use']);

/** Content words: two letters or fewer and the question words above are left out, unless nothing else is left. */
function wordSet(text: string): Set<string> {
  // Lowercased first, so "JavaScript" and "javascript" are one word rather than java + script against javascript.
  const parts = splitWords(text.toLowerCase(), MAX_CHARS).parts;
  const content = parts.filter((word) => word.length > 2 && !QUESTION_WORDS.has(word));
  return new Set(content.length > 0 ? content : parts);
}

/** The Jaccard overlap of two questions' content words, 0–1 (1: the same words, in any order or case). */
export function questionOverlap(question: string, pastQuestion: string): number {
  const a = wordSet(question);
  const b = wordSet(pastQuestion);
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * How much a past question should weigh in the vote on a new one: their overlap, squared. The matcher ranks and votes
 * by context similarity only (matching/README "Known problems"), so in one domain an unrelated question voted as
 * much as the same question asked again; squaring keeps near-repeats dominant.
 */
export function questionOverlapWeight(question: string, pastQuestion: string): number {
  return Math.max(questionOverlap(question, pastQuestion), FLOOR) ** 2;
}
