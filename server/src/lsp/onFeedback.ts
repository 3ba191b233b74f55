import { SUGGESTION_OUTCOMES } from '@arenalab/protocol';
import type { FeedbackParams } from '@arenalab/protocol';
import { suggestionOutcomeSpan } from '../outcomes';
import type { LspContext } from './lspContext';
import type { ShownSuggestion } from './suggestionMemory';

/** Thrown for feedback that names no known suggestion or outcome; the guard logs it with the method name. */
export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

/**
 * Makes an accepted suggestion count for the very next request: when the client has not sent the edit yet (the
 * document is still at the version the suggestion was made for), the document is indexed with the suggestion in
 * place; otherwise the edited text is indexed now instead of after the re-index quiet period.
 */
function indexAccepted(ctx: LspContext, shown: ShownSuggestion, full: boolean): void {
  const document = ctx.documents.get(shown.uri);
  if (document === undefined) return;
  if (document.version !== shown.version || !full) {
    ctx.sync.indexNow(document);
    return;
  }
  const text = document.getText();
  const start = document.offsetAt(shown.candidate.range.start);
  const end = document.offsetAt(shown.candidate.range.end);
  ctx.sync.indexNow(document, text.slice(0, start) + shown.candidate.text + text.slice(end));
}

/**
 * `arenalab/feedback`: every outcome becomes a span in the store (queued; the disk never holds up a request). An
 * accepted suggestion (fully or partly) also credits the places it came from, which then vote with more weight and
 * show the count in later provenance, and is indexed at once so the same context prefers it next time.
 */
export function onFeedback(ctx: LspContext, params: FeedbackParams): void {
  if (!SUGGESTION_OUTCOMES.includes(params?.outcome)) throw new FeedbackError(`unknown outcome ${JSON.stringify(params?.outcome)}`);
  const shown = ctx.suggestions.get(params.suggestionId);
  if (shown === undefined) throw new FeedbackError(`unknown or forgotten suggestion ${JSON.stringify(params.suggestionId)}`);
  const accepted = params.outcome === 'accepted' || params.outcome === 'partially_accepted';
  const spanId = ctx.outcomes.record(
    suggestionOutcomeSpan({ suggestionId: shown.id, outcome: params.outcome, file: shown.file, language: shown.language, candidate: shown.candidate, whenMs: ctx.clock.now() }),
    { accepted },
  );
  if (!accepted) return;
  // Only a full acceptance says which text was inserted; a partial one is not checked for retention.
  if (params.outcome === 'accepted' && spanId !== undefined) {
    const { candidate } = shown;
    ctx.retention.watch({ spanId, suggestionId: shown.id, uri: shown.uri, file: shown.file, text: candidate.text, position: candidate.range.start });
  }
  for (const source of shown.candidate.provenance) {
    if (source.file !== undefined && source.line !== undefined) ctx.engine.recordAcceptance(source.file, source.line);
  }
  indexAccepted(ctx, shown, params.outcome === 'accepted');
}
