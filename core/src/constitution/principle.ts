/** Hard principles reject an output (it is replaced by a refusal or a hedged answer); soft ones only warn. */
export type Enforcement = 'hard' | 'soft';

/** What kind of output is reviewed: a chat answer or an inline code completion. */
export type OutputKind = 'chat' | 'completion';

/**
 * The checks the engine knows how to run. A principle names one, so principles stay plain data (JSON-able,
 * editable, shareable) while the code that judges text lives in one registry (`principleChecks`).
 */
export type PrincipleCheckId = 'honesty' | 'helpfulness' | 'harmlessness' | 'empathy' | 'humility' | 'no_secrets' | 'no_excluded_content';

/** One rule of a constitution, as data, so principles can be listed, configured and reported by id. */
export interface Principle {
  id: string;
  statement: string;
  /** 1..10; the most severe violation (highest priority) decides the correction. */
  priority: number;
  /** Domains (slash paths; a prefix covers its children) or `all`. */
  appliesTo: string[];
  /** Which outputs it judges. */
  outputs: OutputKind[];
  enforcement: Enforcement;
  check: PrincipleCheckId;
  /** Illustrations for people reading the constitution; they are not matched against outputs. */
  examples: { good: string[]; bad: string[] };
}

/** A named, versioned set of principles, as data: a host can replace or extend it without changing code. */
export interface Constitution {
  id: string;
  name: string;
  version: string;
  createdBy: string;
  principles: Principle[];
}

/** One principle an output broke. */
export interface Violation {
  principleId: string;
  check: PrincipleCheckId;
  enforcement: Enforcement;
  priority: number;
  /** A sentence a person can read: what was wrong. */
  reason: string;
  /** The words or kinds that triggered it, when there are any. */
  evidence?: string[];
  /**
   * Whether the text itself is the problem (harmful words, a secret, an unsourced claim): such outputs are worth
   * remembering as anti-patterns. An honesty violation for missing hedging depends on the confidence instead.
   */
  contentBased: boolean;
  /** Set when the output was blocked because it resembles an earlier violation (cosine similarity). */
  antiPatternSimilarity?: number;
}

/** What is judged: an answer or a completion, with what the reviewer needs to know about it. */
export interface ReviewedOutput {
  kind: OutputKind;
  text: string;
  /** 0..1, as the engine reported it. */
  confidence: number;
  /** The question or the code before the cursor; harm is checked on the request too. */
  request?: string;
  /** Domain path of the request (`programming/typescript`); principles for other domains are skipped. */
  domain?: string;
  /** Files the output was retrieved from (provenance); checked against the excluded-file predicate. */
  sourceFiles?: string[];
}

/** The verdict: approved unless a hard principle was violated. */
export interface ConstitutionalReview {
  approved: boolean;
  /** Hard violations, most severe first. */
  violations: Violation[];
  /** Soft violations, most severe first. */
  warnings: Violation[];
}
