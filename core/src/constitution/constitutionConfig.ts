import { DEFAULT_REDACTION_CONFIG, type RedactionConfig } from '../secrets/redactSecrets';
import { ConfigError } from '../util';

/** Settings of the constitutional review. Pass a partial object; missing fields come from the defaults. */
export interface ConstitutionConfig {
  /**
   * Below this confidence (0..1) an answer must state its uncertainty.
   * @default 0.5
   */
  honestyConfidence: number;
  /**
   * Below this confidence, overclaiming words ("definitely", "guaranteed") earn a humility warning.
   * @default 0.9
   */
  humilityConfidence: number;
  /**
   * Fewest words for an answer to count as helpful (a soft check).
   * @default 3
   */
  minHelpfulWords: number;
  /**
   * Lowest cosine similarity between an output and a remembered violation for the output to be blocked
   *.
   * @default 0.85
   */
  antiPatternThreshold: number;
  /** Whether a file is excluded from suggestions (the host's `.gitignore` and `arenalab.excludes` rules). */
  isExcludedFile?: (file: string) => boolean;
  /** Secret detection settings used by `no_secrets`. */
  redaction: RedactionConfig;
}

export const DEFAULT_CONSTITUTION_CONFIG: Readonly<ConstitutionConfig> = Object.freeze({
  honestyConfidence: 0.5,
  humilityConfidence: 0.9,
  minHelpfulWords: 3,
  antiPatternThreshold: 0.85,
  redaction: DEFAULT_REDACTION_CONFIG,
});

/** Defaults filled in, every number checked. Throws `ConfigError` ('BAD_CONSTITUTION_CONFIG'). */
export function resolveConstitutionConfig(partial: Partial<ConstitutionConfig> = {}): ConstitutionConfig {
  const config: ConstitutionConfig = { ...DEFAULT_CONSTITUTION_CONFIG, ...partial };
  for (const field of ['honestyConfidence', 'humilityConfidence', 'antiPatternThreshold'] as const) {
    const value = config[field];
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError('BAD_CONSTITUTION_CONFIG', 'constitution config', field, value, 'a number in 0..1');
  }
  if (!Number.isInteger(config.minHelpfulWords) || config.minHelpfulWords < 0) throw new ConfigError('BAD_CONSTITUTION_CONFIG', 'constitution config', 'minHelpfulWords', config.minHelpfulWords, 'an integer ≥ 0');
  return config;
}
