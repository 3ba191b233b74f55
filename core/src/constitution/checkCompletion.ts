import type { Cancellation } from '../ports/cancellation';
import type { ConstitutionalReviewer } from './constitutionalReviewer';
import type { ConstitutionalReview } from './principle';

/** A completion about to be shown, as the completion path knows it. */
export interface CompletionUnderReview {
  /** The inserted text. */
  text: string;
  /** 0..1. */
  confidence: number;
  /** Files the candidate was retrieved from (its provenance). */
  sourceFiles?: string[];
  /** The code before the cursor, for the harm check on the request. */
  prefix?: string;
  /** Domain or language path, e.g. `programming/typescript`. */
  domain?: string;
}

export interface CompletionCheck {
  /** False when a hard principle is violated: the completion must not be shown. */
  allowed: boolean;
  review: ConstitutionalReview;
}

/**
 * The constitution on the completion path: no secret, nothing from an excluded file, nothing harmful, nothing close
 * to a remembered violation. Hedging does not apply to code (the principles for chat only are skipped), so a
 * blocked completion is simply not shown; the caller may try its next candidate.
 */
export async function checkCompletion(reviewer: ConstitutionalReviewer, completion: CompletionUnderReview, token?: Cancellation): Promise<CompletionCheck> {
  const review = await reviewer.review(
    { kind: 'completion', text: completion.text, confidence: completion.confidence, sourceFiles: completion.sourceFiles, request: completion.prefix, domain: completion.domain },
    token,
  );
  return { allowed: review.approved, review };
}
