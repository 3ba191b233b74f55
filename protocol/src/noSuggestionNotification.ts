import { NotificationType } from 'vscode-languageserver-protocol';

/**
 * Why an explicit request got no suggestion. The server's reasons: the language is switched off
 * (`arenalab.languages`), the document is too large to complete in, every candidate was below the show threshold,
 * the constitution withheld every candidate (a secret, an excluded or gitignored source, harm), or nothing matched.
 */
export type ServerNoSuggestionReason = 'language-off' | 'too-large' | 'below-threshold' | 'withheld' | 'no-match';

export interface NoSuggestionParams {
  /** The document and position of the request, to match the answer it explains. */
  uri: string;
  position: { line: number; character: number };
  reason: ServerNoSuggestionReason;
  /** below-threshold: the best candidate's confidence and the threshold it missed (both 0–1). */
  bestConfidence?: number;
  threshold?: number;
  /** withheld: the principle that withheld the best candidate, e.g. `no_excluded_content`. */
  principle?: string;
}

/**
 * `arenalab/noSuggestion`, server → client notification, sent just before the empty answer to an explicitly invoked
 * `textDocument/inlineCompletion` (trigger kind Invoked), so the client can say why nothing is shown. Never sent for
 * automatic requests (nobody asked), nor for a cancelled or outdated one.
 */
export const NoSuggestionNotification = new NotificationType<NoSuggestionParams>('arenalab/noSuggestion');
