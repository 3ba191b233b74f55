import type { QualityClass } from '../quality/qualityMetrics';
import type { CurationRules, CurationVerdict } from './curationRules';
import { curationLevel, DEFAULT_CURATION_RULES, VERDICT_FOR_CLASS } from './curationRules';

/** A player's running score: what the judgement spans carry, so a new session continues where the last one ended. */
export interface CurationScore {
  xp: number;
  /** Agreements in a row, in time. */
  streak: number;
  bestStreak: number;
  judged: number;
  agreed: number;
}

export const EMPTY_CURATION_SCORE: CurationScore = { xp: 0, streak: 0, bestStreak: 0, judged: 0, agreed: 0 };

/** One rapid-fire verdict: what the player said, how long it took, and what the meter says of the span. */
export interface VerdictInput {
  verdict: CurationVerdict;
  /** Milliseconds from the span being shown to the click (measured by the client's clock). */
  elapsedMs: number;
  meterClass: QualityClass;
}

export type VerdictOutcome = 'agreed' | 'disagreed' | 'late';

export interface VerdictResult {
  outcome: VerdictOutcome;
  /** The button the meter would have pressed. */
  expected: CurationVerdict;
  xpGained: number;
  /** Of `xpGained`, the part earned by the streak. */
  streakBonus: number;
  score: CurationScore;
  level: number;
  /** One line for the player, e.g. `+14 XP, good intuition! (streak 3)`. */
  message: string;
}

/**
 * The rapid-fire rules: a verdict within the time limit that matches the meter's class
 * earns `xpPerAgreement` plus `streakBonusPerStep` for every agreement already in the streak (capped); a mismatch
 * earns nothing and ends the streak (the client then shows the meter's breakdown); a late verdict is still a human
 * judgement worth storing, but earns nothing and ends the streak, or waiting would be a free look at the span.
 */
export function applyVerdict(score: CurationScore, input: VerdictInput, rules: CurationRules = DEFAULT_CURATION_RULES): VerdictResult {
  const expected = VERDICT_FOR_CLASS[input.meterClass];
  const late = !(input.elapsedMs >= 0 && input.elapsedMs <= rules.timeLimitMs);
  const outcome: VerdictOutcome = late ? 'late' : input.verdict === expected ? 'agreed' : 'disagreed';
  const streakBonus = outcome === 'agreed' ? Math.min(rules.maxStreakBonus, score.streak * rules.streakBonusPerStep) : 0;
  const xpGained = outcome === 'agreed' ? rules.xpPerAgreement + streakBonus : 0;
  const streak = outcome === 'agreed' ? score.streak + 1 : 0;
  const next: CurationScore = {
    xp: score.xp + xpGained,
    streak,
    bestStreak: Math.max(score.bestStreak, streak),
    judged: score.judged + 1,
    agreed: score.agreed + (outcome === 'agreed' ? 1 : 0),
  };
  return { outcome, expected, xpGained, streakBonus, score: next, level: curationLevel(next.xp, rules), message: verdictMessage(outcome, expected, xpGained, streak, rules) };
}

function verdictMessage(outcome: VerdictOutcome, expected: CurationVerdict, xp: number, streak: number, rules: CurationRules): string {
  if (outcome === 'agreed') return `+${xp} XP, good intuition!${streak > 1 ? ` (streak ${streak})` : ''}`;
  if (outcome === 'late') return `Too late: over ${rules.timeLimitMs / 1000} s. Judgement saved, no XP, streak reset.`;
  return `The meter says ${expected}: see its breakdown. Streak reset.`;
}
