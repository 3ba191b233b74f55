import type { ConstitutionalReview, Violation } from './principle';

/** How a rejected chat answer was replaced: hedged (same content, uncertainty stated) or refused. */
export type Correction = 'hedged' | 'refused';

export interface CorrectedAnswer {
  text: string;
  correction: Correction;
  /** The violation that decided the correction (the most severe hard one). */
  violation: Violation;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function refusal(violation: Violation): string {
  switch (violation.check) {
    case 'harmlessness':
      return "I can't help with that: it could hurt someone. If you are dealing with something difficult, please reach out to someone you trust or local emergency services.";
    case 'no_secrets':
      return `I can't show that answer: it contains what looks like a secret (${(violation.evidence ?? []).join(', ')}). Keep secrets in environment variables or a secret manager.`;
    case 'no_excluded_content':
      return "I can't show that answer: it comes from files excluded from suggestions.";
    default:
      return `I can't give that answer: it breaks the "${violation.principleId}" principle (${violation.reason}).`;
  }
}

/** A violation that only asks for stated uncertainty: the content may still help, so it can be kept. */
function onlyWantsHedging(violation: Violation): boolean {
  return violation.check === 'honesty' && violation.antiPatternSimilarity === undefined;
}

/**
 * Correction: the most severe hard violation that hedging cannot fix decides, so an answer that is both unsure and
 * holds a secret (or harm, or excluded content) is refused, never shown hedged. When every hard violation only asks
 * for stated uncertainty, the content is kept and the confidence stated (the answer may still help). Anything else,
 * and any output blocked as an anti-pattern, is refused with the principle's template. The caller keeps the real
 * confidence; a correction never raises it.
 */
export function correctAnswer(text: string, confidence: number, review: ConstitutionalReview): CorrectedAnswer | undefined {
  const first = review.violations[0];
  if (!first) return undefined;
  const blocking = review.violations.find((v) => !onlyWantsHedging(v));
  if (blocking !== undefined) return { text: refusal(blocking), correction: 'refused', violation: blocking };
  const lead = review.violations.some((v) => v.contentBased)
    ? `I can't verify the claims in this answer and I'm not sure it is right (confidence ${percent(confidence)}). Here is what similar questions were answered with:`
    : `I'm not sure (confidence ${percent(confidence)}), but the closest answers I have say:`;
  return { text: `${lead}\n${text}`, correction: 'hedged', violation: first };
}
