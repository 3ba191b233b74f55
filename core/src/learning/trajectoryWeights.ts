import type { RatedOutcome } from './outcomeRating';
import { isAcceptance, OUTCOME_RATINGS } from './outcomeRating';

/** Settings of the weight rule; every field has a default in DEFAULT_TRAJECTORY_WEIGHTS_CONFIG. */
export interface TrajectoryWeightsConfig {
  /** Learning rate: one outcome moves a weight by rate × (rating − 3) / 2. @default 0.1 */
  learningRate: number;
  /** Weight of a source nothing is known about. @default 1 */
  initial: number;
  /**
   * Bounds of a weight. Narrow on purpose: a handful of outcomes reaches them, so no old verdict outweighs what the
   * code says forever, and a source is never silenced completely by dismissals (which are mostly "not now").
   * @default 0.8 and 1.2
   */
  min: number;
  max: number;
}

export const DEFAULT_TRAJECTORY_WEIGHTS_CONFIG: TrajectoryWeightsConfig = { learningRate: 0.1, initial: 1, min: 0.8, max: 1.2 };

/** One outcome credited to one source (a code window or a span a suggestion came from). */
export interface WeightUpdate {
  /** Id of the source: the provenance span id (`win_…`) or a dataset span id. */
  source: string;
  outcome: RatedOutcome;
  /** Id of the outcome span; the key for unlearning it. Anonymous updates can be unlearned only with their source. */
  outcomeId?: string;
  /** File the source lives in, when known: unlearning the file drops the weight. */
  file?: string;
}

interface SourceEntry {
  file?: string;
  contributions: { outcomeId?: string; outcome: RatedOutcome }[];
  weight: number;
  accepted: number;
}

/** A serialised TrajectoryWeights: the contributions, from which every weight is recomputed on load. */
export interface SerializedTrajectoryWeights {
  version: 1;
  config: TrajectoryWeightsConfig;
  sources: { source: string; file?: string; contributions: { outcomeId?: string; outcome: RatedOutcome }[] }[];
}

/** A serialised form that cannot be read back. */
export class TrajectoryWeightsFormatError extends Error {
  readonly code = 'TRAJECTORY_WEIGHTS_FORMAT' as const;

  constructor(message: string) {
    super(`trajectory weights: ${message}`);
    this.name = 'TrajectoryWeightsFormatError';
  }
}

/** The update rule folded over outcomes in the order they arrived, clamped after every step. */
export function foldWeight(outcomes: readonly RatedOutcome[], config: TrajectoryWeightsConfig): number {
  let weight = config.initial;
  for (const outcome of outcomes) {
    const step = (config.learningRate * (OUTCOME_RATINGS[outcome] - 3)) / 2;
    weight = Math.min(config.max, Math.max(config.min, weight + step));
  }
  return weight;
}

/**
 * How much to trust each source of suggestions, learned from outcomes. A weight is never stored alone: each source
 * keeps the outcomes credited to it, and its weight is their fold. So unlearning an outcome, a source or a file is
 * exact (the weights equal those of a creature that never saw it), an outcome credited twice counts once, and the
 * serialised form is the evidence itself.
 */
export class TrajectoryWeights {
  readonly config: TrajectoryWeightsConfig;
  private readonly sources = new Map<string, SourceEntry>();
  private readonly byOutcome = new Map<string, Set<string>>();

  constructor(config: Partial<TrajectoryWeightsConfig> = {}) {
    this.config = checkConfig({ ...DEFAULT_TRAJECTORY_WEIGHTS_CONFIG, ...config });
  }

  /** Sources with at least one outcome. */
  get size(): number {
    return this.sources.size;
  }

  weight(source: string): number {
    return this.sources.get(source)?.weight ?? this.config.initial;
  }

  /** Times a suggestion from this source was accepted, fully or partly. */
  acceptedCount(source: string): number {
    return this.sources.get(source)?.accepted ?? 0;
  }

  /** The weight as a lookup, the shape TrajectoryMatcher's `PredictOptions.weights` takes. */
  readonly lookup = (source: string): number => this.weight(source);

  /** Applies updates in order; an update whose outcome was already credited to the same source is ignored. */
  apply(updates: readonly WeightUpdate[]): void {
    for (const update of updates) this.applyOne(update);
  }

  /** Removes every contribution of an outcome span; returns how many sources changed. */
  unlearnOutcome(outcomeId: string): number {
    const sources = this.byOutcome.get(outcomeId);
    if (!sources) return 0;
    this.byOutcome.delete(outcomeId);
    for (const source of sources) {
      const entry = this.sources.get(source);
      if (!entry) continue;
      entry.contributions = entry.contributions.filter((c) => c.outcomeId !== outcomeId);
      this.refresh(source, entry);
    }
    return sources.size;
  }

  /** Forgets everything learned about a source; true when there was something. */
  unlearnSource(source: string): boolean {
    const entry = this.sources.get(source);
    if (!entry) return false;
    for (const c of entry.contributions) {
      if (c.outcomeId === undefined) continue;
      const sources = this.byOutcome.get(c.outcomeId);
      sources?.delete(source);
      if (sources?.size === 0) this.byOutcome.delete(c.outcomeId);
    }
    this.sources.delete(source);
    return true;
  }

  /** Forgets every source known to live in `file`; returns how many. */
  unlearnFile(file: string): number {
    const doomed = [...this.sources].filter(([, entry]) => entry.file === file).map(([source]) => source);
    for (const source of doomed) this.unlearnSource(source);
    return doomed.length;
  }

  /** Source ids in insertion order with their weights, for explanations and reports. */
  entries(): { source: string; file?: string; weight: number; accepted: number; outcomes: number }[] {
    return [...this.sources].map(([source, e]) => ({ source, ...(e.file !== undefined ? { file: e.file } : {}), weight: e.weight, accepted: e.accepted, outcomes: e.contributions.length }));
  }

  toJSON(): SerializedTrajectoryWeights {
    return {
      version: 1,
      config: { ...this.config },
      sources: [...this.sources].map(([source, e]) => ({ source, ...(e.file !== undefined ? { file: e.file } : {}), contributions: e.contributions.map((c) => ({ ...c })) })),
    };
  }

  /** Reads a serialised form back; throws TrajectoryWeightsFormatError on anything malformed. */
  static fromJSON(value: unknown): TrajectoryWeights {
    const data = value as Partial<SerializedTrajectoryWeights> | null;
    if (data === null || typeof data !== 'object' || data.version !== 1) throw new TrajectoryWeightsFormatError('expected an object with version 1');
    if (!Array.isArray(data.sources)) throw new TrajectoryWeightsFormatError('sources must be an array');
    const weights = new TrajectoryWeights(checkConfig(data.config));
    for (const [i, entry] of data.sources.entries()) {
      if (typeof entry?.source !== 'string' || !Array.isArray(entry.contributions)) throw new TrajectoryWeightsFormatError(`sources[${i}] needs a source and contributions`);
      for (const c of entry.contributions) {
        if (!(c?.outcome in OUTCOME_RATINGS)) throw new TrajectoryWeightsFormatError(`sources[${i}]: unknown outcome ${JSON.stringify(c?.outcome)}`);
        weights.applyOne({ source: entry.source, outcome: c.outcome, ...(c.outcomeId !== undefined ? { outcomeId: String(c.outcomeId) } : {}), ...(entry.file !== undefined ? { file: String(entry.file) } : {}) });
      }
    }
    return weights;
  }

  private applyOne(update: WeightUpdate): void {
    let entry = this.sources.get(update.source);
    if (entry?.contributions.some((c) => c.outcomeId !== undefined && c.outcomeId === update.outcomeId)) return;
    if (!entry) {
      entry = { contributions: [], weight: this.config.initial, accepted: 0 };
      this.sources.set(update.source, entry);
    }
    if (entry.file === undefined && update.file !== undefined) entry.file = update.file;
    entry.contributions.push({ ...(update.outcomeId !== undefined ? { outcomeId: update.outcomeId } : {}), outcome: update.outcome });
    if (update.outcomeId !== undefined) {
      const sources = this.byOutcome.get(update.outcomeId) ?? new Set<string>();
      sources.add(update.source);
      this.byOutcome.set(update.outcomeId, sources);
    }
    this.refresh(update.source, entry);
  }

  /** Recomputes a source's weight from its contributions; a source left without any is forgotten entirely. */
  private refresh(source: string, entry: SourceEntry): void {
    if (entry.contributions.length === 0) {
      this.sources.delete(source);
      return;
    }
    entry.weight = foldWeight(entry.contributions.map((c) => c.outcome), this.config);
    entry.accepted = entry.contributions.filter((c) => isAcceptance(c.outcome)).length;
  }
}

function checkConfig(config: unknown): TrajectoryWeightsConfig {
  const c = config as Partial<TrajectoryWeightsConfig> | undefined;
  const fields = ['learningRate', 'initial', 'min', 'max'] as const;
  for (const field of fields) {
    if (typeof c?.[field] !== 'number' || !Number.isFinite(c[field])) throw new TrajectoryWeightsFormatError(`config.${field} must be a finite number`);
  }
  const checked = c as TrajectoryWeightsConfig;
  if (checked.min < 0 || checked.min > checked.initial || checked.initial > checked.max) throw new TrajectoryWeightsFormatError('config needs 0 ≤ min ≤ initial ≤ max');
  return checked;
}
