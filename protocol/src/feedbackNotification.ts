import { NotificationType } from 'vscode-languageserver-protocol';

export type SuggestionOutcome = 'shown' | 'accepted' | 'partially_accepted' | 'dismissed';

export const SUGGESTION_OUTCOMES: readonly SuggestionOutcome[] = ['shown', 'accepted', 'partially_accepted', 'dismissed'];

export interface FeedbackParams {
  suggestionId: string;
  outcome: SuggestionOutcome;
}

/**
 * `arenalab/feedback`, client → server notification: what the developer did with a suggestion, so the server can
 * learn from it (an accepted suggestion is credited to its sources).
 */
export const FeedbackNotification = new NotificationType<FeedbackParams>('arenalab/feedback');
