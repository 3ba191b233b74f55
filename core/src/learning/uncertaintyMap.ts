/**
 * The uncertainty map of active learning: what the creature was asked, grouped by domain and action, with
 * how often it answers (coverage at the show threshold), how sure it is, how often it is right where the truth is
 * known, and how much material it has; the weakest areas first, each with the examples that would help most.
 */

/** One question put to the creature: a next-line case, a logged suggestion, an answered chat turn. */
export interface GapObservation {
  /** Where it belongs: `language folder` for code, `context.environment` for chat and other spans. */
  domain: string;
  /** What was asked: a line kind for code (`lineAction`), the span's `did` otherwise. */
  action: string;
  /** The creature's raw best confidence, 0–1. */
  confidence: number;
  /** Whether its answer was right, when the truth is known (exact match, accepted vs dismissed); absent otherwise. */
  correct?: boolean;
  /** Edit similarity of its answer to the truth, when known. */
  es?: number;
  /** Where it was asked (`file:line`, a span id) and what the truth was, for the targeted examples. */
  ref: string;
  detail: string;
}

/** Material the creature could be given for an area: a stored span of that domain not yet in a dataset. */
export interface GapCandidate {
  domain: string;
  action: string;
  ref: string;
  detail: string;
  /** Quality meter total, 0–100; the best help first. */
  quality: number;
}

/** How much material the creature holds for an area (indexed windows of its files, stored spans). */
export interface AreaMaterial {
  domain: string;
  action: string;
  count: number;
}

export interface UncertaintyMapConfig {
  /** Raw confidence at which the host shows an answer; coverage is the share at or above it. */
  showThreshold: number;
  /** Areas with fewer observations are flagged `sparse` (their numbers say little). */
  minObservations: number;
  /** Targeted examples and candidates listed per area. */
  examplesPerArea: number;
}

export const DEFAULT_UNCERTAINTY_MAP_CONFIG: Readonly<UncertaintyMapConfig> = { showThreshold: 0.5, minObservations: 5, examplesPerArea: 5 };

export interface TargetedExample {
  ref: string;
  detail: string;
  confidence: number;
  correct?: boolean;
}

export interface UncertaintyArea {
  domain: string;
  action: string;
  /** Questions observed in the area. */
  observations: number;
  /** Material the creature holds for the area (indexed windows, stored spans); from the host. */
  examples: number;
  /** Share of observations answered at the show threshold. */
  coverage: number;
  meanConfidence: number;
  /** Share right among observations with a known truth; null when none has one. */
  em: number | null;
  es: number | null;
  /** 1 − em where the truth is known, else 1 − coverage: the share the creature does not get right (or answer). */
  weakness: number;
  /**
   * The weakness the evidence supports: 1 − the Wilson upper bound (95 %) of the share right. Ranking by it puts a
   * big area that is surely weak before a handful of unlucky cases (0 of 6 right bounds at 0.61, 8 of 400 at 0.96).
   */
  weaknessBound: number;
  sparse: boolean;
  /** Observations that would teach the most: wrong ones first, least confident first. */
  targeted: TargetedExample[];
  /** Material not yet used, best quality first. */
  candidates: GapCandidate[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Wilson score interval's upper end for `successes` of `n` at z = 1.96; 1 without observations. */
export function wilsonUpper(successes: number, n: number, z = 1.96): number {
  if (n === 0) return 1;
  const p = successes / n;
  const z2 = z * z;
  return Math.min(1, (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n));
}
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const areaKey = (domain: string, action: string) => `${domain}\u0000${action}`;

function checkConfig(config: UncertaintyMapConfig): void {
  if (!(config.showThreshold >= 0 && config.showThreshold <= 1)) throw new RangeError(`showThreshold must be in [0, 1], got ${config.showThreshold}`);
  if (!Number.isInteger(config.minObservations) || config.minObservations < 0) throw new RangeError(`minObservations must be a non-negative integer, got ${config.minObservations}`);
  if (!Number.isInteger(config.examplesPerArea) || config.examplesPerArea < 0) throw new RangeError(`examplesPerArea must be a non-negative integer, got ${config.examplesPerArea}`);
}

/** Wrong answers teach more than unknown ones, unknown more than right ones; within each, the least confident first. */
function targetedExamples(observations: readonly GapObservation[], count: number): TargetedExample[] {
  const rank = (o: GapObservation) => (o.correct === false ? 0 : o.correct === undefined ? 1 : 2);
  return [...observations]
    .filter((o) => o.correct !== true)
    .sort((a, b) => rank(a) - rank(b) || a.confidence - b.confidence || a.ref.localeCompare(b.ref))
    .slice(0, count)
    .map((o) => ({ ref: o.ref, detail: o.detail, confidence: round(o.confidence), ...(o.correct !== undefined ? { correct: o.correct } : {}) }));
}

function summarise(
  domain: string,
  action: string,
  observations: readonly GapObservation[],
  examples: number,
  candidates: readonly GapCandidate[],
  config: UncertaintyMapConfig,
): UncertaintyArea {
  const coverage = observations.length === 0 ? 0 : observations.filter((o) => o.confidence >= config.showThreshold).length / observations.length;
  const judged = observations.filter((o) => o.correct !== undefined);
  const withEs = observations.filter((o) => o.es !== undefined);
  const em = judged.length === 0 ? null : judged.filter((o) => o.correct).length / judged.length;
  const [right, asked] = em === null ? [coverage * observations.length, observations.length] : [judged.filter((o) => o.correct).length, judged.length];
  return {
    domain,
    action,
    observations: observations.length,
    examples,
    coverage: round(coverage),
    meanConfidence: round(mean(observations.map((o) => o.confidence))),
    em: em === null ? null : round(em),
    es: withEs.length === 0 ? null : round(mean(withEs.map((o) => o.es ?? 0))),
    weakness: round(1 - (em ?? coverage)),
    weaknessBound: round(1 - wilsonUpper(right, asked)),
    sparse: observations.length < config.minObservations,
    targeted: targetedExamples(observations, config.examplesPerArea),
    candidates: [...candidates].sort((a, b) => b.quality - a.quality || a.ref.localeCompare(b.ref)).slice(0, config.examplesPerArea),
  };
}

/**
 * Groups observations by (domain, action) and ranks the areas weakest first: measured areas before sparse ones (one
 * wrong answer is not a weak area), then by the weakness the evidence supports (`weaknessBound`), then weakness, then lower mean
 * confidence, then more observations (a well-measured gap before a guess), then name. Areas that only have material
 * (`examples` or candidates) and were never asked about appear last with no observations, so a report shows them.
 */
export function uncertaintyMap(
  observations: readonly GapObservation[],
  examples: readonly AreaMaterial[],
  candidates: readonly GapCandidate[],
  config: UncertaintyMapConfig = DEFAULT_UNCERTAINTY_MAP_CONFIG,
): UncertaintyArea[] {
  checkConfig(config);
  const areas = new Map<string, { domain: string; action: string; observations: GapObservation[]; examples: number; candidates: GapCandidate[] }>();
  const area = (domain: string, action: string) => {
    const key = areaKey(domain, action);
    let entry = areas.get(key);
    if (entry === undefined) areas.set(key, (entry = { domain, action, observations: [], examples: 0, candidates: [] }));
    return entry;
  };
  for (const o of observations) area(o.domain, o.action).observations.push(o);
  for (const e of examples) area(e.domain, e.action).examples += e.count;
  for (const c of candidates) area(c.domain, c.action).candidates.push(c);
  const summaries = [...areas.values()].map((a) => summarise(a.domain, a.action, a.observations, a.examples, a.candidates, config));
  const asked = (a: UncertaintyArea) => (a.observations > 0 ? 0 : 1);
  return summaries.sort(
    (a, b) =>
      asked(a) - asked(b) ||
      Number(a.sparse) - Number(b.sparse) ||
      b.weaknessBound - a.weaknessBound ||
      b.weakness - a.weakness ||
      a.meanConfidence - b.meanConfidence ||
      b.observations - a.observations ||
      a.domain.localeCompare(b.domain) ||
      a.action.localeCompare(b.action),
  );
}
