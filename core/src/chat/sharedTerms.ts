import { questionTokens } from './qaRetriever';

/** Short English function words that say nothing about what an answer claims. */
const STOP_WORDS = new Set(
  ('a an the and or but if then else of to in on at by for with from as is are was were be been being it its this that these those ' +
    'you your we our i me my he she they them their do does did done can could will would should may might must have has had ' +
    'not no yes so than too very just also into out up down over about there here what which who when where why how all any each')
    .split(' '),
);

/**
 * Pattern extraction: words found in more than half of the group's answers,
 * by how many answers hold them (ties alphabetical), at most `limit`. Only an explanation: the answer text
 * itself quotes whole answers, never these words (a template synthesis that joins them makes word salad).
 */
export function sharedTerms(answers: readonly string[], limit = 10): string[] {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    for (const term of new Set(questionTokens(answer))) {
      if (term.length < 2 || STOP_WORDS.has(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, count]) => count > answers.length / 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}
