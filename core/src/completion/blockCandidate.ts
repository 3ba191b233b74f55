import type { CompletionEngineConfig } from './completionEngineConfig';
import type { CompleteOptions, CompletionCandidate, CompletionRequest, CompletionResult } from './completionTypes';
import type { AgreedLine } from './agreedBlock';
import { growBlock } from './growBlock';
import type { CursorView } from './cursorView';

/** A completion of another request: how a block asks for its next line (the engine's `complete`). */
export type Complete = (request: CompletionRequest, options: CompleteOptions) => CompletionResult;

/**
 * A first-line candidate grown into the block that follows it (`growBlock`: what its places agree on, then the
 * line-level search line by line, through `complete`); its confidence becomes that of everything it shows.
 */
export function blockCandidate(
  candidate: CompletionCandidate,
  agreed: readonly AgreedLine[],
  request: CompletionRequest,
  view: CursorView,
  openerIndent: number,
  options: CompleteOptions,
  config: CompletionEngineConfig,
  complete: Complete,
): CompletionCandidate {
  const maxLines = options.maxLines ?? 1;
  const lineStart = request.prefix.length - view.typed.length;
  const context = {
    openerIndent,
    agreed,
    nextLine: (lines: readonly string[]) => {
      const prefix = request.prefix.slice(0, lineStart) + lines.join('\n') + '\n';
      const result = complete({ ...request, prefix, position: undefined }, { showThreshold: 0, maxCandidates: 1, budget: options.budget });
      // A line found with part of the search skipped is not worth adding to a block: the block ends there.
      const next = result.cutShort ? undefined : result.candidates[0];
      return next && { text: next.text, confidence: next.confidence, provenance: next.provenance };
    },
    outOfTime: () => options.budget?.isCancelled === true || options.token?.isCancelled === true,
    maxLines,
    bar: options.showThreshold ?? config.showThreshold,
  };
  const block = growBlock(candidate.text, candidate.confidence, context, config);
  if (block.lines.length === 1) return candidate;
  // The block's confidence is the calibrated first line's times the later lines' support; its raw score scales alike.
  const rawConfidence = (candidate.rawConfidence ?? candidate.confidence) * (block.confidence / candidate.confidence);
  return { ...candidate, text: block.lines.join('\n'), confidence: block.confidence, rawConfidence, mode: 'block', method: `${candidate.method}-block`, provenance: [...candidate.provenance, ...block.provenance] };
}
