import type { Cancellation } from '../ports/cancellation';
import { candidatesAddErrors } from '../syntax/candidateAddsErrors';
import { closingBrackets } from './blockStructure';
import type { SyntaxService } from '../syntax/syntaxService';
import type { CompletionEngine } from './completionEngine';
import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult } from './completionTypes';

/** How many of the engine's best candidates are parse-checked; the first that pass are kept. */
export const SYNTAX_CHECKED_CANDIDATES = 6;

/**
 * What is parsed for a candidate: its text and, where blocks are proposed (`maxLines` above 1), the brackets it leaves
 * open, closed (see `closingBrackets`): a block's end is still to be written. A single next line is checked as is.
 */
function checkedText(text: string, blocks: boolean): string {
  const closers = blocks ? closingBrackets(text) : '';
  return closers === '' ? text + '\n' : `${text}\n${closers}\n`;
}

/**
 * A multi-line candidate that adds parse errors, cut to its longest first lines that add none (a block whose end
 * went wrong keeps its right beginning); undefined when not even the first line passes.
 */
async function parseCleanPrefix(
  syntax: SyntaxService,
  request: CompletionRequest,
  insertAt: string,
  candidate: CompletionCandidate,
  token?: Cancellation,
): Promise<CompletionCandidate | undefined> {
  const lines = candidate.text.split('\n');
  if (lines.length < 2) return undefined;
  const prefixes = Array.from({ length: lines.length - 1 }, (_, i) => lines.slice(0, lines.length - 1 - i).join('\n'));
  const checks = await candidatesAddErrors(syntax, request.language, insertAt, prefixes.map((p) => checkedText(p, true)), request.prefix.slice(insertAt.length) + request.suffix, {}, token);
  const clean = checks.findIndex((c) => c.ok);
  return clean < 0 ? undefined : { ...candidate, text: prefixes[clean] };
}

/**
 * `engine.complete` with syntax validation: the best candidates are inserted into a window of the document and
 * re-parsed with tree-sitter, and any that adds parse errors is dropped (a block is cut to its longest parse-clean
 * first lines instead, when there are any) before the show threshold is applied. For a
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
  const blocks = (options.maxLines ?? 1) > 1;
  const checks = await candidatesAddErrors(
    syntax,
    request.language,
    insertAt,
    all.candidates.map((c) => checkedText(c.text, blocks)),
    request.prefix.slice(insertAt.length) + request.suffix,
    {},
    token,
  );
  const passed: CompletionCandidate[] = [];
  for (let i = 0; i < all.candidates.length; i++) {
    const candidate = checks[i].ok ? all.candidates[i] : await parseCleanPrefix(syntax, request, insertAt, all.candidates[i], token);
    if (candidate) passed.push(candidate);
  }
  return {
    candidates: passed.filter((c) => c.confidence >= threshold).slice(0, engine.config.maxCandidates),
    bestConfidence: passed[0]?.confidence ?? 0,
    bestRawConfidence: passed[0]?.rawConfidence ?? passed[0]?.confidence ?? 0,
    rejectedBySyntax: all.candidates.length - passed.length,
  };
}
