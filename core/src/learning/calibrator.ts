import type { CalibrationPoint } from './expectedCalibrationError';
import { binOf, CalibrationInputError, checkConfidence } from './expectedCalibrationError';

/** Isotonic regression (pool adjacent violators) keeps the order of confidences; histogram binning does not. */
export type CalibrationMethod = 'isotonic' | 'histogram';

export interface CalibratorOptions {
  /** @default 'isotonic' */
  method?: CalibrationMethod;
  /** Equal-width bins for the histogram method. @default 10 */
  bins?: number;
}

/** A fitted map, serialisable: step k covers raw confidences up to `upTo[k]` and maps them to `value[k]`. */
export interface SerializedCalibrator {
  method: CalibrationMethod;
  upTo: number[];
  value: number[];
}

interface Block {
  upTo: number;
  sum: number;
  count: number;
}

/** Pool adjacent violators over points sorted by confidence: the non-decreasing step function closest in squared error. */
function isotonicSteps(points: readonly CalibrationPoint[]): SerializedCalibrator {
  const sorted = [...points].sort((a, b) => a.confidence - b.confidence);
  const blocks: Block[] = [];
  for (const p of sorted) {
    const last = blocks[blocks.length - 1];
    // Equal confidences are one observation group: they must map to one value.
    if (last && last.upTo === p.confidence) {
      last.sum += p.correct ? 1 : 0;
      last.count++;
    } else blocks.push({ upTo: p.confidence, sum: p.correct ? 1 : 0, count: 1 });
    while (blocks.length > 1) {
      const [a, b] = blocks.slice(-2);
      if (a.sum / a.count < b.sum / b.count) break;
      blocks.splice(-2, 2, { upTo: b.upTo, sum: a.sum + b.sum, count: a.count + b.count });
    }
  }
  return { method: 'isotonic', upTo: blocks.map((b) => b.upTo), value: blocks.map((b) => b.sum / b.count) };
}

/** Share right per equal-width bin; an empty bin keeps its midpoint (nothing says the raw score is wrong there). */
function histogramSteps(points: readonly CalibrationPoint[], bins: number): SerializedCalibrator {
  if (!Number.isInteger(bins) || bins < 1) throw new CalibrationInputError(`bins must be a positive integer, got ${bins}`);
  const count = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (const p of points) {
    const b = binOf(p.confidence, bins);
    count[b]++;
    right[b] += p.correct ? 1 : 0;
  }
  const upTo = count.map((_, b) => (b + 1) / bins);
  return { method: 'histogram', upTo, value: count.map((n, b) => (n > 0 ? right[b] / n : (b + 0.5) / bins)) };
}

/**
 * Maps a raw confidence to the probability that the suggestion is right, fitted on logged outcomes. With no
 * points it is the identity: an unfitted calibrator changes nothing.
 */
export class Calibrator {
  private constructor(private readonly steps: SerializedCalibrator | undefined) {}

  static identity(): Calibrator {
    return new Calibrator(undefined);
  }

  static fit(points: readonly CalibrationPoint[], options: CalibratorOptions = {}): Calibrator {
    points.forEach((p, i) => checkConfidence(p.confidence, `points[${i}]`));
    if (points.length === 0) return Calibrator.identity();
    const method = options.method ?? 'isotonic';
    return new Calibrator(method === 'isotonic' ? isotonicSteps(points) : histogramSteps(points, options.bins ?? 10));
  }

  static fromJSON(value: unknown): Calibrator {
    if (value === null) return Calibrator.identity();
    const data = value as Partial<SerializedCalibrator>;
    const ok =
      (data?.method === 'isotonic' || data?.method === 'histogram') &&
      Array.isArray(data.upTo) && Array.isArray(data.value) && data.upTo.length === data.value.length && data.upTo.length > 0 &&
      [...data.upTo, ...data.value].every((x) => typeof x === 'number' && x >= 0 && x <= 1) &&
      data.upTo.every((x, i) => i === 0 || x > data.upTo![i - 1]);
    if (!ok) throw new CalibrationInputError('calibrator: expected {method, upTo[], value[]} with increasing upTo, all in [0, 1]');
    return new Calibrator({ method: data.method!, upTo: [...data.upTo!], value: [...data.value!] });
  }

  get fitted(): boolean {
    return this.steps !== undefined;
  }

  /** The calibrated probability of a raw confidence. */
  calibrate(confidence: number): number {
    checkConfidence(confidence, 'calibrate');
    const steps = this.steps;
    if (!steps) return confidence;
    let lo = 0;
    let hi = steps.upTo.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (steps.upTo[mid] >= confidence) hi = mid;
      else lo = mid + 1;
    }
    return steps.value[lo];
  }

  toJSON(): SerializedCalibrator | null {
    return this.steps ? { method: this.steps.method, upTo: [...this.steps.upTo], value: [...this.steps.value] } : null;
  }
}
