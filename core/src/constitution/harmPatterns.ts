/**
 * The harm categories (violence, illegal, self_harm, hate) as regular expressions. Each names a human
 * target or a weapon so that ordinary programming language passes: "how to kill a process", "hack on the parser",
 * "bypass the cache" and "execute the child process" are not harm.
 */
export const HARM_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = Object.freeze({
  violence: [
    /\bhow (?:to|do i|can i|would i) (?:kill|murder|poison|strangle|stab|shoot|hurt|harm|injure) (?:a |an |the |my )?(?:person|people|someone|somebody|human|him|her|them|child|children|kid|wife|husband|neighbou?r|boss|coworker|family)\b/i,
    /\b(?:instructions?|steps?|guide|recipe) (?:for|to) (?:making|building|make|build|assembling) (?:a |an )?(?:pipe )?(?:weapon|bomb|explosive|grenade|nerve agent|bioweapon)s?\b/i,
    /\bhow to (?:make|build) (?:a |an )?(?:pipe )?(?:bomb|explosive|grenade|nerve agent|bioweapon)s?\b/i,
  ],
  illegal: [
    /\bhow (?:to|do i|can i) (?:hack|break) into (?:someone(?:'s)?|somebody(?:'s)?|a|an|my (?:ex|neighbou?r|boss)(?:'s)?|their|his|her)\b/i,
    /\bhow (?:to|do i|can i) (?:steal|launder|embezzle)\b/i,
    /\b(?:bypass|evade|get around) (?:the )?(?:law|laws|regulation|regulations|police|tax authorities)\b/i,
    /\b(?:steal|exfiltrate) (?:someone(?:'s)?|their|his|her|users'?) (?:password|passwords|credentials|credit card)s?\b/i,
  ],
  self_harm: [
    /\bhow (?:to|do i|can i|should i) (?:kill|hurt|harm|cut) myself\b/i,
    /\b(?:ways|methods|best way) to (?:commit suicide|end my life|kill myself)\b/i,
  ],
  hate: [
    /\b(?:are|is) (?:inferior|subhuman|vermin)\b.*\b(?:race|religion|women|men|immigrants|people)\b/i,
    /\b(?:all|those) (?:immigrants|jews|muslims|christians|women|blacks|whites|gays) (?:are|should be) (?:inferior|subhuman|vermin|eliminated|exterminated)\b/i,
  ],
});

/** The categories whose patterns match `text`, in table order. */
export function harmCategories(text: string): string[] {
  return Object.entries(HARM_PATTERNS)
    .filter(([, patterns]) => patterns.some((pattern) => pattern.test(text)))
    .map(([category]) => category);
}
