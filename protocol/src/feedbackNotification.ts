import { NotificationType } from 'vscode-languageserver-protocol';

export type SuggestionOutcome = 'shown' | 'accepted' | 'partially_accepted' | 'dismissed';

export const SUGGESTION_OUTCOMES: readonly SuggestionOutcome[] = ['shown', 'accepted', 'partially_accepted', 'dismissed'];

/**
 * Why a suggestion was dismissed: `explicit` (Escape or another explicit reject), `typed_over` (the developer kept
 * typing something else), `timeout` (shown and neither accepted nor rejected within the client's dismissal timeout).
 */
export type DismissReason = 'explicit' | 'typed_over' | 'timeout';

export const DISMISS_REASONS: readonly DismissReason[] = ['explicit', 'typed_over', 'timeout'];

export interface FeedbackParams {
  suggestionId: string;
  outcome: SuggestionOutcome;
  /** For `partially_accepted`: the prefix of the suggestion that was inserted (word or line acceptance). */
  acceptedText?: string;
  /** For `dismissed`: how the client knew. */
  reason?: DismissReason;
}

/**
 * `arenalab/feedback`, client → server notification: what the developer did with a suggestion, so the server can
 * learn from it (an accepted suggestion is credited to its sources).
 */
export const FeedbackNotification = new NotificationType<FeedbackParams>('arenalab/feedback');
