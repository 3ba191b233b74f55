import type { Cancellation } from '../ports/cancellation';
import { candidatesAddErrors } from '../syntax/candidateAddsErrors';
import type { SyntaxService } from '../syntax/syntaxService';
import type { CompletionEngine } from './completionEngine';
import type { CompleteOptions, CompletionRequest, CompletionResult } from './completionTypes';

/** How many of the engine's best candidates are parse-checked; the first that pass are kept. */
export const SYNTAX_CHECKED_CANDIDATES = 6;

/**
 * `engine.complete` with syntax validation: the best candidates are inserted into a window of the document and
 * re-parsed with tree-sitter, and any that adds parse errors is dropped before the show threshold is applied. For a
 * language without a grammar the candidates pass unchecked.
 */
export async function completeWithSyntax(
  engine: CompletionEngine,
  syntax: SyntaxService,
  request: CompletionRequest,
  options: CompleteOptions = {},
  token?: Cancellation,
): Promise<CompletionResult & { rejectedBySyntax: number }> {
  const threshold = options.showThreshold ?? engine.config.showThreshold;
  const all = engine.complete(request, { ...options, showThreshold: 0, maxCandidates: SYNTAX_CHECKED_CANDIDATES });
  const insertAt = request.prefix.slice(0, request.prefix.lastIndexOf('\n') + 1);
  const checks = await candidatesAddErrors(
    syntax,
    request.language,
    insertAt,
    all.candidates.map((c) => c.text + '\n'),
    request.prefix.slice(insertAt.length) + request.suffix,
    {},
    token,
  );
  const passed = all.candidates.filter((_, i) => checks[i].ok);
  return {
    candidates: passed.filter((c) => c.confidence >= threshold).slice(0, engine.config.maxCandidates),
    bestConfidence: passed[0]?.confidence ?? 0,
    bestRawConfidence: passed[0]?.rawConfidence ?? passed[0]?.confidence ?? 0,
    rejectedBySyntax: all.candidates.length - passed.length,
  };
}
