import type { NoSuggestionParams, ServerNoSuggestionReason } from '@arenalab/protocol';

/** Reasons only the client knows: it did not ask the server. */
export type ClientNoSuggestionReason = 'disabled' | 'snoozed' | 'in-comment';

export type NoSuggestionReason =
  | { reason: ClientNoSuggestionReason; snoozedUntil?: string }
  | Omit<NoSuggestionParams, 'uri' | 'position'>;

const SHORT: Record<ClientNoSuggestionReason | ServerNoSuggestionReason, string> = {
  disabled: 'suggestions are off',
  snoozed: 'snoozed',
  'in-comment': 'in a comment',
  'language-off': 'off for this language',
  'too-large': 'file too large',
  'below-threshold': 'below threshold',
  withheld: 'withheld',
  'no-match': 'no match',
};

const percent = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value * 100)}%`);

/** What the status bar says after an explicit request got nothing: short for the item, one sentence for the tooltip. */
export function noSuggestionText(why: NoSuggestionReason): { short: string; sentence: string } {
  const short = `no suggestion: ${SHORT[why.reason]}`;
  switch (why.reason) {
    case 'disabled': return { short, sentence: 'Suggestions are turned off (arenalab.enabled); "ArenaLab: Toggle suggestions" turns them on.' };
    case 'snoozed': return { short, sentence: `Suggestions are snoozed${why.snoozedUntil ? ` until ${why.snoozedUntil}` : ''}; "ArenaLab: Resume suggestions" ends it now.` };
    case 'in-comment': return { short, sentence: 'The cursor is in a comment (arenalab.suggestInComments is off).' };
    case 'language-off': return { short, sentence: 'Suggestions are off for this language (arenalab.languages).' };
    case 'too-large': return { short, sentence: 'This file is too large to complete in.' };
    case 'below-threshold': return {
      short: `${short} (${percent(why.bestConfidence)} < ${percent(why.threshold)})`,
      sentence: `The best candidate had ${percent(why.bestConfidence)} confidence, below the show threshold of ${percent(why.threshold)} (arenalab.confidenceThreshold).`,
    };
    case 'withheld': return { short, sentence: `Every candidate was withheld by the constitution${why.principle ? ` (${why.principle})` : ''}, e.g. it came from an excluded file or carried a secret.` };
    case 'no-match': return { short, sentence: 'Nothing in the index matches the code before the cursor.' };
  }
}
