import type { Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { AntiPatternMemory } from './antiPatternMemory';
import { resolveConstitutionConfig, type ConstitutionConfig } from './constitutionConfig';
import { DEFAULT_CONSTITUTION } from './defaultConstitution';
import { PRINCIPLE_CHECKS } from './principleChecks';
import type { Constitution, ConstitutionalReview, Principle, ReviewedOutput, Violation } from './principle';

export interface ConstitutionalReviewerOptions {
  /** @default DEFAULT_CONSTITUTION */
  constitution?: Constitution;
  config?: Partial<ConstitutionConfig>;
  /** Remembered violations: outputs similar to one of them are blocked, and new hard violations are added. */
  antiPatterns?: AntiPatternMemory;
  /** Time stamps of new anti-patterns. */
  clock: Clock;
}

/** Whether a principle judges this output: its kind is listed and its domains cover the output's domain. */
export function principleApplies(principle: Principle, output: ReviewedOutput): boolean {
  if (!principle.outputs.includes(output.kind)) return false;
  if (principle.appliesTo.includes('all')) return true;
  const domain = output.domain;
  return domain !== undefined && principle.appliesTo.some((d) => domain === d || domain.startsWith(`${d}/`));
}

const bySeverity = (a: Violation, b: Violation) => b.priority - a.priority || a.principleId.localeCompare(b.principleId);

/**
 * Review: every applicable principle's check runs on the output; a hard
 * violation rejects it, a soft one only warns. Outputs close to a remembered violation (anti-pattern) are rejected
 * under that violation's principle. `learn` stores content-based hard violations as anti-patterns.
 */
export class ConstitutionalReviewer {
  readonly constitution: Constitution;
  readonly config: ConstitutionConfig;
  private readonly antiPatterns?: AntiPatternMemory;
  private readonly clock: Clock;

  constructor(options: ConstitutionalReviewerOptions) {
    this.constitution = options.constitution ?? DEFAULT_CONSTITUTION;
    this.config = resolveConstitutionConfig(options.config);
    this.antiPatterns = options.antiPatterns;
    this.clock = options.clock;
  }

  async review(output: ReviewedOutput, token?: Cancellation): Promise<ConstitutionalReview> {
    const found: Violation[] = [];
    for (const principle of this.constitution.principles) {
      if (!principleApplies(principle, output)) continue;
      const finding = PRINCIPLE_CHECKS[principle.check](output, this.config);
      if (finding) found.push({ principleId: principle.id, check: principle.check, enforcement: principle.enforcement, priority: principle.priority, ...finding });
    }
    const remembered = await this.rememberedViolation(output, found, token);
    if (remembered) found.push(remembered);
    const violations = found.filter((v) => v.enforcement === 'hard').sort(bySeverity);
    return { approved: violations.length === 0, violations, warnings: found.filter((v) => v.enforcement === 'soft').sort(bySeverity) };
  }

  /** Remembers each content-based hard violation of `output`; returns how many were new. */
  async learn(output: ReviewedOutput, review: ConstitutionalReview, token?: Cancellation): Promise<number> {
    if (!this.antiPatterns) return 0;
    let added = 0;
    for (const violation of review.violations) {
      if (!violation.contentBased || violation.antiPatternSimilarity !== undefined) continue;
      const entry = { principleId: violation.principleId, kind: output.kind, text: output.text, reason: violation.reason };
      if (await this.antiPatterns.record(entry, this.clock, token)) added++;
    }
    return added;
  }

  private async rememberedViolation(output: ReviewedOutput, found: readonly Violation[], token?: Cancellation): Promise<Violation | undefined> {
    if (!this.antiPatterns) return undefined;
    const match = await this.antiPatterns.nearest(output.text, output.kind, this.config.antiPatternThreshold, token);
    if (!match || found.some((v) => v.principleId === match.pattern.principleId)) return undefined;
    const principle = this.constitution.principles.find((p) => p.id === match.pattern.principleId);
    // A principle since removed from the constitution (or not applying here) no longer blocks anything.
    if (!principle || !principleApplies(principle, output)) return undefined;
    return {
      principleId: principle.id,
      check: principle.check,
      enforcement: principle.enforcement,
      priority: principle.priority,
      reason: `resembles an output rejected before (similarity ${match.similarity.toFixed(2)}): ${match.pattern.reason}`,
      contentBased: true,
      antiPatternSimilarity: match.similarity,
    };
  }
}
