import { DOMAIN_RULES, FENCE_LANGUAGES, type DomainRule } from './domainRules';

/** What an unrecognised text is filed under. */
export const GENERAL_DOMAIN = 'general';
/** Texts that look like code but match no language. */
export const CODE_DOMAIN = 'programming';

/** Longest text scanned: the domain of a question shows early, and this bounds the cost on huge inputs. */
const MAX_SCANNED_CHARS = 20_000;
/** Lowest score that classifies a text: one keyword, or two hints. */
const MIN_SCORE = 1;
const FENCE = /```[ \t]*([\w#+.-]*)/g;
const TOKEN = /[a-z0-9#+._-]+/g;
const CODE_CUES = [/```/, /\bfunction\b/, /\bdef\s+\w+\(/, /=>/, /[{};]\s*$/m, /\breturn\b/, /\bclass\s+\w+/, /\bimport\s+\w+/];

function tokens(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const token = match[0].replace(/^[._-]+|[._-]+$/g, '');
    if (token !== '') found.add(token);
  }
  return found;
}

function fenceDomain(text: string): string | undefined {
  for (const match of text.matchAll(FENCE)) {
    const domain = FENCE_LANGUAGES[match[1].toLowerCase()];
    if (domain !== undefined) return domain;
  }
  return undefined;
}

function score(rule: DomainRule, words: Set<string>, text: string): number {
  let total = 0;
  for (const name of rule.names) if (words.has(name)) total += 3;
  for (const word of rule.words) if (words.has(word)) total += 1;
  for (const hint of rule.hints) if (words.has(hint)) total += 0.5;
  for (const pattern of rule.patterns) if (pattern.test(text)) total += 2;
  return total;
}

/** True when the text carries syntax cues of source code (fences, `function`, `def f(`, `=>`, braces). */
export function looksLikeCode(text: string): boolean {
  return CODE_CUES.some((cue) => cue.test(text));
}

/**
 * The domain of a text as a slash path, most general part first (`programming/typescript`,
 * `devops/docker`, `math`, `cooking`, …; see DOMAIN_RULES for the full list). A language-tagged
 * code fence decides outright; otherwise every rule scores the text and the highest score wins
 * (ties go to the earlier rule). A score of at least 1 is needed, so one weak hint ("sum",
 * "image") does not classify a text but two do; below that, code-looking text is `programming`
 * and the rest `general`. Deterministic: the same text always gets the same domain.
 */
export function detectDomain(text: string): string {
  const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  const fenced = fenceDomain(scanned);
  if (fenced !== undefined) return fenced;
  const words = tokens(scanned);
  let best: string | undefined;
  let bestScore = MIN_SCORE - Number.EPSILON;
  for (const rule of DOMAIN_RULES) {
    const value = score(rule, words, scanned);
    if (value > bestScore) {
      best = rule.domain;
      bestScore = value;
    }
  }
  if (best !== undefined) return best;
  return looksLikeCode(scanned) ? CODE_DOMAIN : GENERAL_DOMAIN;
}
