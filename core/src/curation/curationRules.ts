import type { QualityClass } from '../quality/qualityMetrics';

/** The three buttons of the rapid-fire game. */
export const CURATION_VERDICTS = ['diamond', 'maybe', 'trash'] as const;
export type CurationVerdict = (typeof CURATION_VERDICTS)[number];

/** The verdict the quality meter itself would give: its three classes, one per button. */
export const VERDICT_FOR_CLASS: Record<QualityClass, CurationVerdict> = {
  diamond: 'diamond',
  needs_enrichment: 'maybe',
  discarded: 'trash',
};

/** The gameplay numbers, passed explicitly so a team can tune them; `DEFAULT_CURATION_RULES` follows the seed. */
export interface CurationRules {
  /** 5 seconds per span, to keep judging a matter of intuition; a verdict after it is stored but earns nothing and ends the streak. */
  timeLimitMs: number;
  /** The XP ("+10 XP, good intuition!") for a verdict that agrees with the meter. */
  xpPerAgreement: number;
  /** Extra XP per agreement already in the running streak… */
  streakBonusPerStep: number;
  /** …up to this much, so a long streak cannot dwarf everything else. */
  maxStreakBonus: number;
  /** XP per level; level 1 starts at 0 XP. */
  xpPerLevel: number;
}

export const DEFAULT_CURATION_RULES: CurationRules = {
  timeLimitMs: 5000,
  xpPerAgreement: 10,
  streakBonusPerStep: 2,
  maxStreakBonus: 10,
  xpPerLevel: 100,
};

export function isCurationVerdict(value: unknown): value is CurationVerdict {
  return typeof value === 'string' && (CURATION_VERDICTS as readonly string[]).includes(value);
}

/** Level from XP: 1 + every full `xpPerLevel`. */
export function curationLevel(xp: number, rules: CurationRules = DEFAULT_CURATION_RULES): number {
  return 1 + Math.floor(Math.max(0, xp) / Math.max(1, rules.xpPerLevel));
}
