/** Phrases that state uncertainty (honesty markers, plus the forms our own answers use). */
export const UNCERTAINTY_MARKERS: readonly string[] = [
  'might', 'could', 'possibly', 'perhaps', 'maybe', 'may', 'probably', 'likely', 'i think', 'i believe',
  "i'm not sure", 'i am not sure', 'not sure', "i don't know", 'i do not know', 'uncertain', 'possibilities', 'unclear',
];

/** Hallucination markers: unsourced appeals to authority stated as fact. */
export const UNSOURCED_CLAIM_PATTERNS: readonly RegExp[] = [
  /\baccording to (?:a|the) study by\b/i,
  /\bresearch (?:shows|has shown|proves) that\b/i,
  /\bscientists have proven\b/i,
  /\bit is a (?:proven )?fact that\b/i,
];

/** Overclaiming words the humility principle warns about when confidence does not back them. */
export const OVERCLAIM_MARKERS: readonly string[] = [
  'definitely', 'certainly', 'guaranteed', 'guarantee', 'always works', 'without a doubt', '100%', 'i am sure', "i'm sure", 'undoubtedly',
];

/** Empathy markers, plus a few common forms. */
export const EMPATHY_MARKERS: readonly string[] = [
  "i'm sorry", 'i am sorry', "that's difficult", 'that is difficult', 'i understand', 'that must be', "it's okay to feel",
  'i hear you', 'sounds frustrating', 'sounds stressful', 'sounds hard', 'that sounds',
];

/** Words in a request that show the person is struggling (when empathy is expected). */
export const DISTRESS_MARKERS: readonly string[] = [
  'frustrated', 'frustrating', 'stressed', 'overwhelmed', 'anxious', 'desperate', 'depressed', 'sad', 'upset',
  'exhausted', 'burned out', 'burnt out', 'crying', 'hate my job', 'about to give up', 'losing my mind', 'panicking',
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The markers that occur in `text` as whole words (case ignored; straight and curly apostrophes alike), so `may`
 * does not match `mayor` and `could` does not match `couldron`.
 */
export function markersIn(text: string, markers: readonly string[]): string[] {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  return markers.filter((marker) => {
    const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}'])${escape(marker)}(?:$|[^\\p{L}\\p{N}])`, 'iu');
    return pattern.test(normalized);
  });
}
