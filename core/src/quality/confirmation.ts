import type { QualityConfig } from './qualityConfig';

export type ConfirmationStrength = 'strong' | 'weak' | 'none';

/**
 * How strongly `confirmed_by` verifies a span. Strong: an independent check such as passing tests, a review or
 * the user accepting it. A text that also says the check failed or was rejected is only weak evidence.
 */
export function confirmationStrength(confirmedBy: string | undefined, config: QualityConfig): ConfirmationStrength {
  const text = (confirmedBy ?? '').toLowerCase().replace(/[_-]+/g, ' ').trim();
  if (text === '') return 'none';
  if (/\b(fail\w*|reject\w*|not|unverified|unreviewed)\b/.test(text)) return 'weak';
  return config.strongConfirmations.some((phrase) => text.includes(phrase)) ? 'strong' : 'weak';
}
