import { SUGGESTION_OUTCOMES } from '@arenalab/protocol';
import type { FeedbackParams } from '@arenalab/protocol';
import type { LspContext } from './lspContext';

/** Thrown for feedback that names no known suggestion or outcome; the guard logs it with the method name. */
export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

/**
 * `arenalab/feedback`: an accepted suggestion (fully or partly) credits the places it came from, so their count shows
 * in later provenance. Storing every outcome as a span is the next step of the editor issue.
 */
export function onFeedback(ctx: LspContext, params: FeedbackParams): void {
  if (!SUGGESTION_OUTCOMES.includes(params?.outcome)) throw new FeedbackError(`unknown outcome ${JSON.stringify(params?.outcome)}`);
  const shown = ctx.suggestions.get(params.suggestionId);
  if (shown === undefined) throw new FeedbackError(`unknown or forgotten suggestion ${JSON.stringify(params.suggestionId)}`);
  if (params.outcome !== 'accepted' && params.outcome !== 'partially_accepted') return;
  for (const source of shown.candidate.provenance) {
    if (source.file !== undefined && source.line !== undefined) ctx.engine.recordAcceptance(source.file, source.line);
  }
}
