import { levenshteinSimilarity } from '../util/levenshtein';
import type { CompletionEngineConfig } from './completionEngineConfig';
import type { Occurrence } from './occurrence';

/** One distinct continuation and the evidence for it. */
export interface VotedContinuation {
  /** The continuation with surrounding whitespace removed (what is compared and voted on). */
  text: string;
  /** Vote weight after the document-fit factor; what candidates are ranked by. */
  weight: number;
  /** Vote weight before it: the raw evidence, from which the share is computed. */
  evidence: number;
  /** Share of all vote weight, blank continuations included. */
  share: number;
  count: number;
  longestMatch: number;
  /** Supporting places, longest context first. */
  occurrences: Occurrence[];
}

/**
 * Vote multiplier of a learned trajectory weight (1 = nothing learned): exp(gain × (weight − 1)). Exponential, so
 * outcomes compose multiplicatively and a weight below 1 shrinks a vote without ever flipping its sign; with the
 * default gain one acceptance (+0.05) triples a place, which then outvotes a rival written twice elsewhere with the
 * same context, but not a rival with a clearly longer shared context (weight grows with context length ^ 6).
 */
export function learnedVoteFactor(weight: number | undefined, config: CompletionEngineConfig): number {
  return weight === undefined || weight === 1 ? 1 : Math.exp(config.learnedWeightGain * (weight - 1));
}

/**
 * Vote weight of one place: longer shared contexts are much stronger evidence (a 32-token match is almost a copy of
 * the same code; a 2-token match is a guess), places in the request's own or open documents count extra, and the
 * weight learned from what happened to earlier suggestions from this place scales it.
 */
export function occurrenceWeight(occurrence: Occurrence, config: CompletionEngineConfig): number {
  const source = occurrence.source === 'self' ? config.selfWeight : occurrence.source === 'open' ? config.openFileWeight : 1;
  return occurrence.matchLength ** config.matchWeightExponent * source * learnedVoteFactor(occurrence.learnedWeight, config);
}

/**
 * How well a continuation fits the document: code mostly reuses names that already appear around the cursor (a
 * variable declared above, a function called below, an import the rest of the file uses), so a line whose
 * identifiers all occur in the document is far more likely than one that brings in names from elsewhere.
 */
export function documentFit(text: string, documentWords: ReadonlySet<string>, config: CompletionEngineConfig): number {
  if (config.documentWordsExponent === 0) return 1;
  const words = text.match(WORD) ?? [];
  // A line of punctuation (`});`) says nothing either way: it gets the fit of a half-known line.
  if (words.length === 0) return 0.55 ** config.documentWordsExponent;
  let found = 0;
  for (const word of words) if (documentWords.has(word)) found++;
  return (0.05 + found / words.length) ** config.documentWordsExponent;
}

const WORD = /[A-Za-z_$][\w$]*/g;
const NEIGHBOUR_FIT_GROUPS = 24;

/** The shape factor: (0.3 + best edit similarity to a neighbouring line) ^ exponent, normalised so 1 means "like them". */
export function neighbourFit(text: string, neighbours: readonly string[], config: CompletionEngineConfig): number {
  if (config.neighbourSimilarityExponent === 0 || neighbours.length === 0) return 1;
  let best = 0;
  for (const line of neighbours) best = Math.max(best, levenshteinSimilarity(text, line));
  return ((0.3 + best) / 1.3) ** config.neighbourSimilarityExponent;
}

/** The identifiers and keywords of a text, as a set. */
export function wordSet(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const word of line.match(WORD) ?? []) words.add(word);
  return words;
}

/**
 * Groups the places by what followed them and ranks the continuations by weight. Blank continuations count in the
 * total (they are evidence that nothing needs typing here) but never become candidates. `typed` is what the user
 * already typed on the line: only continuations that start with it qualify.
 */
export function voteContinuations(
  occurrences: readonly Occurrence[],
  typed: string,
  document: { words: ReadonlySet<string>; neighbours: readonly string[] },
  config: CompletionEngineConfig,
): { candidates: VotedContinuation[]; totalWeight: number } {
  const groups = new Map<string, VotedContinuation>();
  let totalWeight = 0;
  const typedText = typed.trimStart();
  for (const occurrence of occurrences) {
    const text = occurrence.line.trim();
    if (typedText && !text.startsWith(typedText)) continue;
    const evidence = occurrenceWeight(occurrence, config);
    const weight = evidence * documentFit(text, document.words, config);
    totalWeight += weight;
    if (text === typedText || text.replace(/\s+/g, '').length < config.minSuggestionChars) continue;
    let group = groups.get(text);
    if (!group) {
      group = { text, weight: 0, evidence: 0, share: 0, count: 0, longestMatch: 0, occurrences: [] };
      groups.set(text, group);
    }
    group.weight += weight;
    group.evidence += evidence;
    group.count++;
    group.longestMatch = Math.max(group.longestMatch, occurrence.matchLength);
    group.occurrences.push(occurrence);
  }
  // Only the strongest groups are worth the edit-distance work; the rest cannot reach the top anyway.
  const strongest = [...groups.values()].sort((a, b) => b.weight - a.weight).slice(0, NEIGHBOUR_FIT_GROUPS);
  for (const group of strongest) {
    const fit = neighbourFit(group.text, document.neighbours, config);
    totalWeight += group.weight * (fit - 1);
    group.weight *= fit;
  }
  const candidates = [...groups.values()].sort((a, b) => b.weight - a.weight || b.longestMatch - a.longestMatch || (a.text < b.text ? -1 : 1));
  for (const candidate of candidates) {
    candidate.share = totalWeight > 0 ? candidate.weight / totalWeight : 0;
    candidate.occurrences.sort((a, b) => b.matchLength - a.matchLength || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.lineNumber - b.lineNumber));
  }
  return { candidates, totalWeight };
}
