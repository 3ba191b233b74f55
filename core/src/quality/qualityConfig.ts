import type { SpanSource } from '../spans/span';

/** Settings of the quality meter. Pass a modified copy of `DEFAULT_QUALITY_CONFIG` to change them. */
export interface QualityConfig {
  /**
   * Minimum total score for the `diamond` class. Range 0..100, above `needsEnrichmentThreshold`.
   * @default 80
   */
  diamondThreshold: number;
  /**
   * Minimum total score for `needs_enrichment`; below it a span is `discarded`. Range 0..100.
   * @default 60
   */
  needsEnrichmentThreshold: number;
  /**
   * Starting provenance points per source, 0..100: how far a record from that source can be trusted before
   * anything else is known. First-hand records (editor, git, explicit feedback) rank above scraped and generated ones.
   */
  sourceTrust: Record<SpanSource, number>;
  /**
   * How many nearest neighbours the uniqueness formula averages over. The seed uses 10. Range 1..1000.
   * @default 10
   */
  uniquenessNeighbours: number;
  /**
   * Lower-case phrases in `confirmed_by` (after `_` and `-` become spaces) that count as strong, independent
   * verification (+25 provenance, +20 impact), unless the text also says it failed or was rejected. Any other
   * non-empty `confirmed_by` counts as weak verification.
   * @default tests passed, test passed, tests pass, accepted, reviewed, merged, verified, approved, ci passed, …
   */
  strongConfirmations: string[];
  /**
   * Lower-case `who` values that do not identify an actor.
   * @default '', unknown, anonymous, none, n/a, null, undefined
   */
  anonymousActors: string[];
}

export const DEFAULT_QUALITY_CONFIG: QualityConfig = {
  diamondThreshold: 80,
  needsEnrichmentThreshold: 60,
  sourceTrust: {
    editor: 70,
    tool_use: 70,
    git_import: 70,
    user_feedback: 70,
    user_upload: 60,
    chat_import: 55,
    api_import: 55,
    community: 45,
    web_scrape: 35,
    synthetic_learning: 30,
    self_play: 30,
    augmentation: 25,
  },
  uniquenessNeighbours: 10,
  strongConfirmations: [
    'tests passed',
    'test passed',
    'tests pass',
    'accepted',
    'reviewed',
    'merged',
    'verified',
    'approved',
    'ci passed',
    'build passed',
    'executed',
  ],
  anonymousActors: ['', 'unknown', 'anonymous', 'none', 'n/a', 'null', 'undefined'],
};
