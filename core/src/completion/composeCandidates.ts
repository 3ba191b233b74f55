import type { Cancellation } from '../ports/cancellation';
import { composeLine } from './composeLine';
import type { ComposedLine } from './composeLine';
import { composedSegments, renderComposed } from './composedText';
import type { ComposedSegment } from './composedText';
import type { CompletionEngineConfig } from './completionEngineConfig';
import type { ContinuationIndex } from './continuationIndex';
import { NextTokenModel } from './nextTokenModel';
import type { TokenSource } from './nextTokenModel';
import { lineTokens } from './tokenStream';
import type { QueryTokenIds } from './tokenStream';

/** A line composed token by token, as it enters the vote. */
export interface ComposedCandidate {
  /** The whole line (what was typed included), trimmed, as continuations are voted on. */
  text: string;
  /** The model's own evidence for it, on the copied candidates' scale (see `composedConfidence`). */
  confidence: number;
  /** Where each part came from. */
  segments: ComposedSegment[];
}

/** What composing needs of a request: its token streams and what was typed. */
export interface ComposeInput {
  file: string;
  /** The document up to the cursor, the typed part of the line included (but a partial word). */
  self: TokenSource;
  /** Other local streams: the lines after the cursor, open files. */
  others: readonly TokenSource[];
  typed: string;
  /** A word typed only in part (the cursor right after letters), which the first token must extend. */
  partial: string;
  ids: QueryTokenIds;
  budget?: Cancellation;
}

/** The trailing word of `typed` when the cursor sits right after it: it may be a word typed only in part. */
export function partialWord(typed: string): string {
  return /[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*$/.exec(typed)?.[0] ?? '';
}

function bracketBalance(text: string): number {
  let depth = 0;
  for (const token of lineTokens(text)) depth += '([{'.includes(token) ? 1 : ')]}'.includes(token) ? -1 : 0;
  return Math.max(0, depth);
}

/**
 * Confidence of a composed line on the scale of the copied ones (`completionConfidence`): its probability stands
 * for the vote share, the fewest places behind any of its tokens for the evidence, and its shortest matched context
 * for the specificity; scaled by `synthesisCredit`.
 */
export function composedConfidence(line: ComposedLine, config: CompletionEngineConfig): number {
  if (line.ids.length === 0) return 0;
  const evidence = 1 - 1 / (1 + Math.min(...line.counts));
  const specificity = Math.min(1, Math.min(...line.evidence.map((e) => e.matchLength)) / 12);
  return Math.min(1, config.synthesisCredit * line.probability * Math.sqrt(evidence * specificity));
}

/**
 * Composes the rest of the cursor's line from the next-token model (document first, then open files and the
 * workspace) by beam search, and returns the completed lines that say something: never a line that contradicts
 * what was typed, never one shorter than `minSuggestionChars`.
 */
export function composeCandidates(index: ContinuationIndex, input: ComposeInput, config: CompletionEngineConfig): ComposedCandidate[] {
  const model = new NextTokenModel(index, input.file, [input.self, ...input.others], {
    matchExponent: config.tokenMatchExponent,
    minContext: config.minContext,
    maxContext: 32,
    minOccurrences: config.minOccurrences,
    maxPerLevel: config.tokenMaxPerLevel,
    selfWeight: config.selfWeight,
    openFileWeight: config.openFileWeight,
    foreignNameWeight: config.foreignNameWeight,
  });
  const tokenText = (id: number) => input.ids.token(id);
  const typedPart = input.typed.slice(0, input.typed.length - input.partial.length);
  const beam = {
    beamWidth: config.synthesisBeamWidth,
    branching: config.synthesisBeamWidth,
    maxTokens: config.synthesisMaxTokens,
    minTokenProbability: config.synthesisMinTokenProbability,
  };
  const openBrackets = bracketBalance(typedPart);
  const interpretations: { context: Int32Array; end: number; partial: string }[] = [{ context: input.self.tokens, end: input.self.end, partial: input.partial }];
  if (input.partial !== '') {
    // When nothing extends the word it may be complete (a new name): then what follows it is asked for, with it in
    // the context.
    const withWord = new Int32Array(input.self.end + 1);
    withWord.set(input.self.tokens.subarray(0, input.self.end));
    withWord[input.self.end] = input.ids.id(input.partial);
    interpretations.push({ context: withWord, end: withWord.length, partial: '' });
  }
  const typed = input.typed.trimStart();
  const out: ComposedCandidate[] = [];
  for (const { context, end, partial } of interpretations) {
    if (partial === '' && out.length > 0) break;
    for (const line of composeLine(model, { context, end, partial, openBrackets, tokenText, budget: input.budget }, beam)) {
      const text = (typed + renderComposed(line, tokenText, input.typed, partial)).trim();
      // A composed rest of one character (a lone `(` or `;`) saves nothing and is mostly a guess.
      const rest = text.slice(typed.trim().length).replace(/\s+/g, '');
      if (rest.length < 2 || text.replace(/\s+/g, '').length < config.minSuggestionChars || !text.startsWith(typed.trim())) continue;
      const confidence = composedConfidence(line, config);
      const same = out.find((c) => c.text === text);
      if (same && same.confidence >= confidence) continue;
      if (same) out.splice(out.indexOf(same), 1);
      out.push({ text, confidence, segments: composedSegments(line, tokenText) });
    }
  }
  out.sort((a, b) => b.confidence - a.confidence);
  return out;
}
