import { DISMISS_REASONS, SUGGESTION_OUTCOMES } from '@arenalab/protocol';
import type { FeedbackParams } from '@arenalab/protocol';
import type { Clock } from '@arenalab/core';
import { suggestionOutcomeSpan } from '../../outcomes';
import type { OutcomeRecorder, RetentionChecker } from '../../outcomes';
import type { ShownSuggestion, SuggestionMemory } from '../completion/suggestionMemory';
import type { DocumentSync } from '../workspace/documentSync';
import { isTooLarge } from '../workspace/openDocuments';
import type { OpenDocuments } from '../workspace/openDocuments';

/**
 * What feedback uses: the shown suggestions it names, the recorder and retention checks its outcomes go to, and the
 * open documents an accepted suggestion is indexed in at once.
 */
export interface FeedbackDeps {
  readonly suggestions: SuggestionMemory;
  readonly outcomes: OutcomeRecorder;
  readonly retention: RetentionChecker;
  readonly documents: OpenDocuments;
  readonly sync: DocumentSync;
  readonly clock: Clock;
}

/** Thrown for feedback that names no known suggestion or outcome, or has a wrong field; the guard logs it with the method name. */
export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

/**
 * Where the accepted part ends in the suggestion's text, or undefined when it is not a prefix of it. Editors show as
 * ghost text only what is not on the line yet, so the accepted part may leave out the indentation the suggestion
 * starts with (the cursor was already past it).
 */
export function acceptedPrefixEnd(suggested: string, accepted: string): number | undefined {
  const indentation = suggested.length - suggested.trimStart().length;
  for (let skipped = 0; skipped <= indentation; skipped++) {
    if (suggested.startsWith(accepted, skipped)) return skipped + accepted.length;
  }
  return undefined;
}

/** The reported feedback, checked field by field against the suggestion it names; every problem in one error. */
function checked(params: FeedbackParams, shown: ShownSuggestion): FeedbackParams {
  const problems: string[] = [];
  const { acceptedText, reason, outcome } = params;
  if (acceptedText !== undefined) {
    if (outcome !== 'partially_accepted') problems.push('acceptedText: only for outcome partially_accepted');
    else if (typeof acceptedText !== 'string' || acceptedText === '') problems.push('acceptedText: expected a non-empty string');
    // The prefix is what the retention checks look for; text the suggestion never contained would be checked wrongly.
    else if (acceptedPrefixEnd(shown.candidate.text, acceptedText.replace(/\r\n/g, '\n')) === undefined) problems.push('acceptedText: not a prefix of the suggestion');
  }
  if (reason !== undefined) {
    if (outcome !== 'dismissed') problems.push('reason: only for outcome dismissed');
    else if (!DISMISS_REASONS.includes(reason)) problems.push(`reason: expected one of ${DISMISS_REASONS.join(', ')}`);
  }
  if (problems.length > 0) throw new FeedbackError(`feedback for suggestion ${shown.id}: ${problems.join('; ')}`);
  return acceptedText === undefined ? params : { ...params, acceptedText: acceptedText.replace(/\r\n/g, '\n') };
}

/**
 * Makes an accepted suggestion count for the very next request: when the client has not sent the edit yet (the
 * document is still at the version the suggestion was made for), the document is indexed with the inserted text in
 * place (the whole suggestion, or the accepted prefix); otherwise the edited text is indexed now instead of after the
 * re-index quiet period.
 */
function indexAccepted(deps: FeedbackDeps, shown: ShownSuggestion, inserted: string | undefined): void {
  const document = deps.documents.get(shown.uri);
  if (document === undefined) return;
  // Without its text (too large) there is nothing to insert into; the sync leaves it out of the index.
  if (isTooLarge(document) || document.version !== shown.version || inserted === undefined) {
    deps.sync.indexNow(document);
    return;
  }
  const text = document.getText();
  const start = document.offsetAt(shown.candidate.range.start);
  const end = document.offsetAt(shown.candidate.range.end);
  deps.sync.indexNow(document, text.slice(0, start) + inserted + text.slice(end));
}

/**
 * `arenalab/feedback`: every outcome becomes a span in the store (queued; the disk never holds up a request), with
 * the accepted prefix of a partial acceptance and the reason of a dismissal. An accepted suggestion (fully or partly)
 * also credits the places it came from (the online learner sees the recorded span), which then vote with more weight
 * and show the count in later provenance, is
 * indexed at once so the same context prefers it next time, and is checked for retention (the accepted prefix for a
 * partial acceptance; nothing when the client did not say what was inserted).
 */
export function onFeedback(deps: FeedbackDeps, params: FeedbackParams): void {
  if (!SUGGESTION_OUTCOMES.includes(params?.outcome)) throw new FeedbackError(`unknown outcome ${JSON.stringify(params?.outcome)}`);
  const shown = deps.suggestions.get(params.suggestionId);
  if (shown === undefined) throw new FeedbackError(`unknown or forgotten suggestion ${JSON.stringify(params.suggestionId)}`);
  const { outcome, acceptedText, reason } = checked(params, shown);
  const accepted = outcome === 'accepted' || outcome === 'partially_accepted';
  const spanId = deps.outcomes.record(
    suggestionOutcomeSpan({ suggestionId: shown.id, outcome, file: shown.file, language: shown.language, candidate: shown.candidate, whenMs: deps.clock.now(), acceptedText, reason }),
    { accepted, uri: shown.uri },
  );
  if (!accepted) return;
  const { candidate } = shown;
  // What the developer kept: the whole suggestion, or the accepted part (retention looks for exactly that text).
  const kept = outcome === 'accepted' ? candidate.text : acceptedText;
  if (kept !== undefined && spanId !== undefined) {
    deps.retention.watch({ spanId, suggestionId: shown.id, uri: shown.uri, file: shown.file, text: kept, position: candidate.range.start });
  }
  // The suggestion's range is replaced by the suggestion up to the end of the kept part (indentation included).
  indexAccepted(deps, shown, kept === undefined ? undefined : candidate.text.slice(0, acceptedPrefixEnd(candidate.text, kept)));
}
