/**
 * Words of code and prose, for matching questions to code: identifiers are split at camelCase and snake_case
 * boundaries and also kept whole (`spanStore` → `span`, `store`, `spanstore`), lowercased, a plural `s` dropped, so
 * "the span store's tests" meets `SpanStore` and `spanStore.test.ts`.
 */

// Words that carry no topic in a question about code. Intent words (where, how, who, defined, …) are here too:
// questionIntent reads them before they are dropped.
const STOP_WORDS = new Set(
  ('a an and are as at be by can could do does doing did for from has have how i if in into is it its me my of on or ' +
    'our please show tell that the their them then there these this those to us was we what when where which who whom ' +
    'why will with would you your about find located location defined definition declared used use uses using usage ' +
    'called call calls get gets work works mean means explain describe happen happens implemented implementation ' +
    'code file files function method class thing things any some should shall need want know')
    .split(' ')
    // Each also as a question's terms normalise it (`does` → `doe`).
    .flatMap((word) => [word, normalizeWord(word)]),
);

/** `SpanStore` → `span`, `store`; `max_patch_chars` → `max`, `patch`, `char`; digits stay with their word. */
export function splitIdentifier(word: string): string[] {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map(normalizeWord);
}

/** Lowercased, a plural `s` dropped (`tests` → `test`; `class`, `status`, `is` kept). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us') && !lower.endsWith('is')) return lower.slice(0, -1);
  return lower;
}

/** The words of a text: every identifier-like run, split and whole (lowercased), in order, repeats kept. */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)) {
    const word = match[0].replace(/\$/g, '');
    if (word.length === 0) continue;
    const parts = splitIdentifier(word);
    terms.push(...parts);
    const whole = normalizeWord(word.replace(/_/g, ''));
    if (parts.length > 1) terms.push(whole);
  }
  return terms;
}

/** The topic words of a question: its terms without stop words, each once, in order. */
export function questionTerms(question: string): string[] {
  const seen = new Set<string>();
  for (const term of textTerms(question.replace(/'s\b/g, ''))) {
    if (term.length < 2 || STOP_WORDS.has(term)) continue;
    seen.add(term);
  }
  return [...seen];
}

/** Whether a word is only grammar or intent in a question (no topic). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words of a path: folders and file name, split like identifiers (`server/src/store/spanStore.ts`). */
export function pathTerms(path: string): string[] {
  return textTerms(path.replace(/\.[A-Za-z0-9]+$/, ''));
}
