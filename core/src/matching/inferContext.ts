import type { SpanStakes } from '../spans/span';

/** Action keywords for a domain, checked in order when no span names its environment. */
const ACTION_DOMAINS: readonly (readonly [string, readonly string[]])[] = [
  ['programming', ['code', 'debug']],
  ['creative_writing', ['write', 'story']],
  ['analysis', ['analyze', 'data']],
];
// 'important' appears in both lists; the high list is checked first, so it means high.
const HIGH_STAKES = ['critical', 'urgent', 'emergency', 'important', 'deadline', 'crisis', 'must', 'failure'];
const MEDIUM_STAKES = ['should', 'need', 'soon'];
const POSITIVE = ['good', 'great', 'excellent', 'happy', 'success', 'perfect', 'wonderful', 'amazing', 'love'];
const NEGATIVE = ['bad', 'terrible', 'awful', 'sad', 'fail', 'wrong', 'error', 'hate', 'problem'];
/** Inflections a keyword may carry (`failed`, `errors`, `successful`), so `glove` or `badge` do not count. */
const SUFFIXES = ['', 's', 'es', 'ed', 'd', 'ing', 'ure', 'ful', 'fully', 'ly', 'ness'];

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

function matchesKeyword(word: string, keyword: string): boolean {
  return word.startsWith(keyword) && SUFFIXES.includes(word.slice(keyword.length));
}

function countKeywords(tokens: readonly string[], keywords: readonly string[]): number {
  return tokens.filter((word) => keywords.some((keyword) => matchesKeyword(word, keyword))).length;
}

/**
 * The keyword domain for a list of actions (`debug_code` → `programming`), or undefined when no keyword
 * appears. Word parts are matched, so `decode` is not `code`.
 */
export function actionKeywordDomain(actions: readonly string[]): string | undefined {
  const tokens = words(actions.join(' '));
  for (const [domain, keywords] of ACTION_DOMAINS) if (countKeywords(tokens, keywords) > 0) return domain;
  return undefined;
}

/** Stakes keywords, matched as words: high if any high word appears, medium if any medium word, else low. */
export function inferStakes(text: string): SpanStakes {
  const tokens = words(text);
  if (countKeywords(tokens, HIGH_STAKES) > 0) return 'high';
  if (countKeywords(tokens, MEDIUM_STAKES) > 0) return 'medium';
  return 'low';
}

/**
 * Keyword sentiment of a text in [-1, 1]: (positive − negative) / (positive + negative) over nine words
 * of each kind, or undefined when none appears. The seed divided the difference by 10, so one clearly positive
 * sentence scored 0.1 and an emotion needed six matching words to leave `neutral`.
 */
export function sentimentScore(text: string): number | undefined {
  const tokens = words(text);
  const positive = countKeywords(tokens, POSITIVE);
  const negative = countKeywords(tokens, NEGATIVE);
  return positive + negative === 0 ? undefined : (positive - negative) / (positive + negative);
}

/**
 * `positive` when the mean sentiment of the texts that carry any is above 0.5, `negative` below −0.5, else
 * `neutral`. Texts without a sentiment word are no evidence either way, so they do not pull the mean to 0.
 */
export function inferEmotion(texts: readonly string[]): string {
  const scores = texts.map(sentimentScore).filter((score): score is number => score !== undefined);
  if (scores.length === 0) return 'neutral';
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  if (mean > 0.5) return 'positive';
  if (mean < -0.5) return 'negative';
  return 'neutral';
}
